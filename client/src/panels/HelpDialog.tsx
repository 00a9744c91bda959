// The "?" dialog: every keyboard shortcut and mouse gesture of the canvas in one list.
import { memo, useEffect, useRef } from 'react';

export const SHORTCUTS: readonly [string, string][] = [
  ['Double-click, Enter', 'Expand the node: a party opens into its trade links'],
  ['Double-click a link', 'Draw the link’s declaration lines'],
  ['Right-click', 'Actions of a node or link'],
  ['Click a link', 'Its details'],
  ['H, Delete', 'Hide the selection'],
  ['P', 'Pin or unpin the selection'],
  ['F', 'Fit the drawing'],
  ['+ and −', 'Zoom in and out'],
  ['Shift-drag', 'Box select'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z, Ctrl+Y', 'Redo'],
  ['?', 'This help'],
  ['Escape', 'Close a menu or this help'],
];

/** Memoised: it renders again only when its own props change, not on every canvas step. */
export const HelpDialog = memo(function HelpDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="help" aria-labelledby="help-title" onClose={onClose}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
});

// What floats over the canvas: the tooltip of what the pointer is on, the right-click menu of a
// node or link, and the details of a clicked edge. Each is placed at the pointer, inside the
// canvas's column; none holds investigation state.
import { useEffect, useRef } from 'react';
import type { ExplorerState } from '../state/types.ts';
import { describeElement, linkFacts, linkTitle } from './describe.ts';
import type { Pointed } from './useCytoscape.ts';

/** Where an overlay goes: at the pointer, offset by the canvas's own place in its column. */
function usePlaced(at: Pointed, offset: { top: number; left: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // After every render: the element may have only just been drawn (its content appeared).
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Set through the CSS object model: the page's policy forbids inline style attributes.
    element.style.left = `${Math.round(offset.left + at.x + 12)}px`;
    element.style.top = `${Math.round(offset.top + at.y + 12)}px`;
  });
  return ref;
}

interface Offset {
  offset: { top: number; left: number };
}

export function Tooltip({
  state,
  at,
  currency,
  offset,
}: { state: ExplorerState; at: Pointed; currency: string | null } & Offset) {
  const ref = usePlaced(at, offset);
  const described = describeElement(state, at.id, currency);
  if (!described) return null;
  return (
    <div ref={ref} className="canvas-tooltip" role="tooltip" data-testid="tooltip">
      <strong>{described.title}</strong>
      {described.lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

export interface MenuItem {
  label: string;
  run: () => void;
}

export function ContextMenu({
  at,
  items,
  onClose,
  offset,
}: { at: Pointed; items: MenuItem[]; onClose: () => void } & Offset) {
  const ref = usePlaced(at, offset);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
  }, [at]);
  return (
    <div
      ref={ref}
      className="canvas-menu"
      role="menu"
      aria-label="Actions"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

interface EdgeDetailsProps {
  state: ExplorerState;
  id: string;
  currency: string | null;
  onShowLines: (id: string) => void;
  onClose: () => void;
}

/** The details of a clicked edge: a trade link's facts with Show lines, a relationship's ends. */
export function EdgeDetails({ state, id, currency, onShowLines, onClose }: EdgeDetailsProps) {
  const link = state.links[id];
  const described = describeElement(state, id, currency);
  if (!described) return null;
  const opened = state.linkLines[id];
  return (
    <section className="edge-details" aria-label="Link details" data-testid="edge-details">
      <h3>{link ? linkTitle(state, link.source, link.target) : described.title}</h3>
      <ul>
        {(link ? linkFacts(state, id, currency) : described.lines).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {link && (!opened || opened.next) && (
        <button type="button" onClick={() => onShowLines(id)}>
          {opened ? 'More lines' : 'Show lines'}
        </button>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

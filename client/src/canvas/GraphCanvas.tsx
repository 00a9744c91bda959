// The Cytoscape canvas. It mirrors the investigation state onto Cytoscape (elements, derived
// classes, selection, pins) and reports user gestures back as callbacks; it holds no state
// of its own beyond node positions.
import type { Core } from 'cytoscape';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useCurrencyCode } from '../money.tsx';
import { useCaseEvidencePick } from '../panels/cases/openCase.ts';
import type { ExplorerState } from '../state/types.ts';
import { ContextMenu, EdgeDetails, Tooltip, type MenuItem } from './CanvasOverlays.tsx';
import { deriveClasses } from './derive.ts';
import { tradesByLinks } from './expansion.ts';
import { useMirror } from './mirror.ts';
import { useCytoscape, type Pointed } from './useCytoscape.ts';

export interface CanvasHandlers {
  onExpand: (key: string) => void;
  onSelect: (keys: string[]) => void;
  onHide: (keys: string[]) => void;
  onTogglePin: (keys: string[]) => void;
  onReady: (cy: Core | null) => void;
  onPositions: (positions: ExplorerState['positions']) => void;
  /** Opens a node into its declaration lines. */
  onShowLines: (key: string) => void;
  /** Draws (more of) a trade link's declaration lines. */
  onOpenLink: (linkId: string) => void;
  /** Starts a path search from this node. */
  onPathsFrom: (key: string) => void;
}

interface Props extends CanvasHandlers {
  state: ExplorerState;
  /** Cytoscape's WebGL renderer (experimental in Cytoscape 3.31+), for very large views. */
  webgl?: boolean;
}

/** What each key does on the focused canvas, for the current selection. */
export function keyActions(
  cy: Core,
  selection: string[],
  { onExpand, onHide, onTogglePin }: Pick<CanvasHandlers, 'onExpand' | 'onHide' | 'onTogglePin'>,
): Record<string, () => void> {
  const zoomBy = (factor: number) => {
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  return {
    Enter: () => selection.forEach((key) => onExpand(key)),
    Delete: () => onHide(selection),
    h: () => onHide(selection),
    p: () => onTogglePin(selection),
    f: () => cy.fit(undefined, 30),
    '+': () => zoomBy(1.25),
    '=': () => zoomBy(1.25),
    '-': () => zoomBy(0.8),
  };
}

/** The right-click menu of a node or a trade link; `extra` adds an item for a node (add to case). */
export function menuItems(
  state: ExplorerState,
  at: Pointed,
  handlers: Omit<CanvasHandlers, 'onReady' | 'onPositions'>,
  extra: (key: string, name: string) => MenuItem | null = () => null,
): MenuItem[] {
  const { id } = at;
  if (at.kind === 'edge') {
    return state.links[id] ? [{ label: 'Show lines', run: () => handlers.onOpenLink(id) }] : [];
  }
  if (state.groups[id]) {
    return [
      { label: 'Expand group', run: () => handlers.onExpand(id) },
      { label: 'Hide', run: () => handlers.onHide([id]) },
    ];
  }
  const items: MenuItem[] = [
    { label: 'Expand', run: () => handlers.onExpand(id) },
    { label: 'Hide', run: () => handlers.onHide([id]) },
    { label: state.pinned.includes(id) ? 'Unpin' : 'Pin', run: () => handlers.onTogglePin([id]) },
    { label: 'Find paths from here', run: () => handlers.onPathsFrom(id) },
  ];
  if (tradesByLinks(id)) items.push({ label: 'Show lines', run: () => handlers.onShowLines(id) });
  const added = extra(id, state.nodes[id]?.name ?? id);
  if (added) items.push(added);
  return items;
}

export function GraphCanvas({ state, onReady, onPositions, webgl = false, ...handlers }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const syncing = useRef(false);
  const [hover, setHover] = useState<Pointed | null>(null);
  const [menu, setMenu] = useState<Pointed | null>(null);
  const [edge, setEdge] = useState<string | null>(null);
  const currency = useCurrencyCode();
  const pickEvidence = useCaseEvidencePick();
  const gestures = {
    ...handlers,
    onHover: setHover,
    onMenu: (at: Pointed | null) => {
      setHover(null);
      setMenu(at);
    },
    onEdgeTap: (at: Pointed | null) => setEdge(at?.id ?? null),
    onEdgeOpen: handlers.onOpenLink,
  };
  const cyRef = useCytoscape(container, syncing, gestures, onReady, webgl);
  const classes = useMemo(() => deriveClasses(state), [state]);
  // What the pointer was on may be gone (collapsed, undone): its tooltip and menu go with it.
  const held = (at: Pointed | null) =>
    at !== null && (state.nodes[at.id] ?? state.groups[at.id] ?? state.links[at.id] ?? state.edges[at.id]);
  useEffect(() => {
    if (hover && !held(hover)) setHover(null);
    if (menu && !held(menu)) setMenu(null);
    if (edge && !state.links[edge] && !state.edges[edge]) setEdge(null);
  }, [state]);
  useMirror(cyRef, container, syncing, state, classes, { currency, onPositions });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy || event.target !== event.currentTarget) return;
    const action = keyActions(cy, state.selection, handlers)[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  const items = menu ? menuItems(state, menu, handlers, pickEvidence) : [];
  const offset = { top: container.current?.offsetTop ?? 0, left: container.current?.offsetLeft ?? 0 };

  return (
    <>
      <div
        ref={container}
        className="canvas"
        tabIndex={0}
        role="application"
        aria-label="Network canvas. Double-click or press Enter to expand the selection, H to hide, P to pin, F to fit, plus and minus to zoom. Right-click a node or link for its actions."
        onKeyDown={onKeyDown}
        onContextMenu={(event) => event.preventDefault()}
        data-testid="canvas"
      />
      {hover && !menu && <Tooltip state={state} at={hover} currency={currency} offset={offset} />}
      {menu && items.length > 0 && (
        <ContextMenu at={menu} items={items} onClose={() => setMenu(null)} offset={offset} />
      )}
      {edge && (
        <EdgeDetails
          state={state}
          id={edge}
          currency={currency}
          onShowLines={handlers.onOpenLink}
          onClose={() => setEdge(null)}
        />
      )}
    </>
  );
}

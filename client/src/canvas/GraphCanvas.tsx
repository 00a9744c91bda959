// The Cytoscape canvas. It mirrors the investigation state onto Cytoscape (elements, derived
// classes, selection, pins) and reports user gestures back as callbacks; it holds no state
// of its own beyond node positions.
import type { Core } from 'cytoscape';
import { useMemo, useRef, type KeyboardEvent } from 'react';
import type { ExplorerState } from '../state/types.ts';
import { deriveClasses } from './derive.ts';
import { useMirror } from './mirror.ts';
import { useCytoscape } from './useCytoscape.ts';

export interface CanvasHandlers {
  onExpand: (key: string) => void;
  onSelect: (keys: string[]) => void;
  onHide: (keys: string[]) => void;
  onTogglePin: (keys: string[]) => void;
  onReady: (cy: Core | null) => void;
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

export function GraphCanvas({ state, onReady, webgl = false, ...handlers }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const syncing = useRef(false);
  const cyRef = useCytoscape(container, syncing, handlers, onReady, webgl);
  const classes = useMemo(() => deriveClasses(state), [state]);
  useMirror(cyRef, container, syncing, state, classes);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy || event.target !== event.currentTarget) return;
    const action = keyActions(cy, state.selection, handlers)[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  return (
    <div
      ref={container}
      className="canvas"
      tabIndex={0}
      role="application"
      aria-label="Network canvas. Double-click or press Enter to expand the selection, H to hide, P to pin, F to fit, plus and minus to zoom."
      onKeyDown={onKeyDown}
      data-testid="canvas"
    />
  );
}

// Creating the Cytoscape instance once for the canvas, and reporting the user's gestures on it
// (selection, double-tap to expand) through the latest handlers.
import cytoscape, { type Core, type EventObject, type EventObjectNode } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef, type RefObject } from 'react';
import { buildStylesheet } from './stylesheet.ts';

cytoscape.use(fcose);

/** Cytoscape options the bundled types do not describe yet (the renderer choice). */
type CoreOptions = cytoscape.CytoscapeOptions & { renderer?: { name: 'canvas'; webgl: boolean } };

/** A node or edge under the pointer, at its position in the canvas (pixels from its top left). */
export interface Pointed {
  id: string;
  kind: 'node' | 'edge';
  x: number;
  y: number;
}

export interface GestureHandlers {
  onExpand: (key: string) => void;
  onSelect: (keys: string[]) => void;
  /** The pointer entered (or, with null, left) a node or edge. */
  onHover?: (pointed: Pointed | null) => void;
  /** A right-click on a node or edge; null on the background. */
  onMenu?: (pointed: Pointed | null) => void;
  /** A click on an edge; null on the background. */
  onEdgeTap?: (pointed: Pointed | null) => void;
  /** A double-click on an edge. */
  onEdgeOpen?: (id: string) => void;
}

function pointed(event: EventObject): Pointed {
  const target = event.target as cytoscape.SingularElementArgument;
  const at = event.renderedPosition;
  return { id: target.id(), kind: target.isNode() ? 'node' : 'edge', x: at.x, y: at.y };
}

/** Hover, right-click and edge clicks, reported through the latest handlers. */
function listenToPointer(cy: Core, latest: RefObject<GestureHandlers>): void {
  cy.on('mouseover', 'node, edge', (event) => latest.current.onHover?.(pointed(event)));
  cy.on('mouseout', 'node, edge', () => latest.current.onHover?.(null));
  // A layout moves what the pointer was on from under it, without a mouseout: its tooltip goes.
  cy.on('layoutstart', () => latest.current.onHover?.(null));
  cy.on('cxttap', (event) => latest.current.onMenu?.(event.target === cy ? null : pointed(event)));
  cy.on('tap', (event) => {
    if (event.target === cy) {
      latest.current.onMenu?.(null);
      latest.current.onEdgeTap?.(null);
    } else if ((event.target as cytoscape.SingularElementArgument).isEdge()) {
      latest.current.onEdgeTap?.(pointed(event));
    }
  });
  cy.on('dbltap', 'edge', (event) =>
    latest.current.onEdgeOpen?.((event.target as cytoscape.EdgeSingular).id()),
  );
}

function createCore(container: HTMLDivElement, webgl: boolean): Core {
  const options: CoreOptions = {
    container,
    style: buildStylesheet(),
    boxSelectionEnabled: true,
    selectionType: 'additive',
    minZoom: 0.05,
    maxZoom: 4,
    // While panning and zooming, move a snapshot instead of redrawing every element.
    textureOnViewport: true,
    renderer: { name: 'canvas', webgl },
  };
  return cytoscape(options);
}

/**
 * The canvas's Cytoscape instance, created on mount and destroyed on unmount. Selection changes
 * are not reported while `syncing` is raised (the state is being written onto Cytoscape).
 */
export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  syncing: RefObject<boolean>,
  handlers: GestureHandlers,
  onReady: (cy: Core | null) => void,
  webgl: boolean,
): RefObject<Core | null> {
  const cyRef = useRef<Core | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!container.current) return;
    const cy = createCore(container.current, webgl);
    cyRef.current = cy;
    let pending = false;
    const reportSelection = () => {
      if (syncing.current || pending) return;
      pending = true;
      // Box select fires one event per element: report once they have all landed.
      queueMicrotask(() => {
        pending = false;
        latest.current.onSelect(cy.$('node:selected').map((n) => n.id()));
      });
    };
    cy.on('select unselect', 'node', reportSelection);
    cy.on('dbltap', 'node', (event: EventObjectNode) => latest.current.onExpand(event.target.id()));
    listenToPointer(cy, latest);
    onReady(cy);
    return () => {
      onReady(null);
      cy.destroy();
      cyRef.current = null;
    };
    // The canvas is created once; onReady is stable for the life of the app.
  }, []);
  return cyRef;
}

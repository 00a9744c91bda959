// The Cytoscape canvas. It mirrors the investigation state onto Cytoscape (elements, derived
// classes, selection, pins) and reports user gestures back as callbacks; it holds no state
// of its own beyond node positions.
import cytoscape, { type Core, type ElementDefinition, type EventObjectNode } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ExplorerState } from '../state/types.ts';
import { deriveClasses, edgeData, nodeData, type DerivedClasses } from './derive.ts';
import { layoutOptions } from './layouts.ts';
import { MARKS } from './marks.ts';
import { buildStylesheet, LARGE_VIEW } from './stylesheet.ts';

cytoscape.use(fcose);

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

/** Cytoscape options the bundled types do not describe yet (the renderer choice). */
type CoreOptions = cytoscape.CytoscapeOptions & { renderer?: { name: 'canvas'; webgl: boolean } };

/**
 * Mirrors the state onto Cytoscape in one batch (one style pass): removes what the state no
 * longer holds, adds what is new with its derived classes, and sets classes, pins and selection
 * on the rest. Returns the keys of the nodes added.
 */
function mirrorState(cy: Core, state: ExplorerState, classes: DerivedClasses): string[] {
  const added: string[] = [];
  cy.batch(() => {
    cy.elements().forEach((element) => {
      const id = element.id();
      if (element.isNode() ? !state.nodes[id] : !state.edges[id]) cy.remove(element);
    });
    const fresh: ElementDefinition[] = [];
    for (const node of Object.values(state.nodes)) {
      const existing = cy.getElementById(node.key);
      if (existing.empty()) {
        fresh.push({ group: 'nodes', data: nodeData(node), classes: classes.nodes[node.key] ?? [] });
        added.push(node.key);
      } else {
        existing.data(nodeData(node));
        existing.classes(classes.nodes[node.key] ?? []);
      }
    }
    for (const edge of Object.values(state.edges)) {
      const existing = cy.getElementById(edge.id);
      if (existing.empty())
        fresh.push({ group: 'edges', data: edgeData(edge), classes: classes.edges[edge.id] ?? [] });
      else existing.classes(classes.edges[edge.id] ?? []);
    }
    cy.add(fresh);
    const pinned = new Set(state.pinned);
    const selected = new Set(state.selection);
    cy.nodes().forEach((node) => {
      // Only on change: each lock/unlock call emits an event per node.
      const pin = pinned.has(node.id());
      if (pin !== node.locked()) {
        if (pin) node.lock();
        else node.unlock();
      }
      if (selected.has(node.id()) && !node.selected()) node.select();
      else if (!selected.has(node.id()) && node.selected()) node.unselect();
    });
  });
  return added;
}

/**
 * New nodes start beside a neighbour already placed, so a layout refines rather than scatters;
 * those with no placed neighbour get a row of their own below the drawing (nodes stacked on one
 * point give a force layout no direction to push them apart).
 */
function seedPositions(cy: Core, added: string[]): void {
  const fresh = new Set(added);
  const placed = cy.nodes().filter((n) => !fresh.has(n.id()));
  const box = placed.boundingBox({});
  let loose = 0;
  for (const key of added) {
    const node = cy.getElementById(key);
    const anchor = node
      .neighborhood()
      .nodes()
      .filter((n) => !fresh.has(n.id()))[0];
    if (anchor) {
      const at = anchor.position();
      node.position({ x: at.x + (Math.random() - 0.5) * 80, y: at.y + (Math.random() - 0.5) * 80 });
    } else {
      node.position({ x: box.x1 + loose * 90, y: box.y2 + 90 });
      loose += 1;
    }
  }
}

export function GraphCanvas({
  state,
  onExpand,
  onSelect,
  onHide,
  onTogglePin,
  onReady,
  webgl = false,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const syncing = useRef(false);
  const handlers = useRef({ onExpand, onSelect });
  handlers.current = { onExpand, onSelect };
  const lastLayoutRun = useRef(state.layoutRun);
  const largeView = useRef(false);
  const classes = useMemo(() => deriveClasses(state), [state]);

  useEffect(() => {
    if (!container.current) return;
    const options: CoreOptions = {
      container: container.current,
      style: buildStylesheet(),
      boxSelectionEnabled: true,
      selectionType: 'additive',
      minZoom: 0.05,
      maxZoom: 4,
      // While panning and zooming, move a snapshot instead of redrawing every element.
      textureOnViewport: true,
      renderer: { name: 'canvas', webgl },
    };
    const cy = cytoscape(options);
    cyRef.current = cy;
    let pending = false;
    const reportSelection = () => {
      if (syncing.current || pending) return;
      pending = true;
      // Box select fires one event per element: report once they have all landed.
      queueMicrotask(() => {
        pending = false;
        handlers.current.onSelect(cy.$('node:selected').map((n) => n.id()));
      });
    };
    cy.on('select unselect', 'node', reportSelection);
    cy.on('dbltap', 'node', (event: EventObjectNode) => handlers.current.onExpand(event.target.id()));
    onReady(cy);
    return () => {
      onReady(null);
      cy.destroy();
      cyRef.current = null;
    };
    // The canvas is created once; onReady is stable for the life of the app.
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    syncing.current = true;
    const syncStart = performance.now();
    // Switch style before adding, so a large addition is styled once, in the style it keeps.
    const large = Object.keys(state.nodes).length >= LARGE_VIEW;
    if (large !== largeView.current) {
      largeView.current = large;
      cy.style(buildStylesheet({ large }));
    }
    const added = mirrorState(cy, state, classes);
    if (added.length > 0) {
      performance.mark(MARKS.elementsAdded, { startTime: syncStart, detail: { count: added.length } });
      cy.one('render', () => performance.mark(MARKS.firstRender));
    }
    syncing.current = false;
    const relayout = state.layoutRun !== lastLayoutRun.current;
    lastLayoutRun.current = state.layoutRun;
    if (added.length > 0 || relayout) {
      // A large addition is laid out afresh; a small one settles around what is already placed.
      const fresh = relayout || added.length * 2 > cy.nodes().length;
      if (!fresh) seedPositions(cy, added);
      const visible = cy.elements().not('.hidden, .filtered');
      const layout = visible.layout(layoutOptions(state.layout, visible.nodes().length, fresh));
      layout.one('layoutstop', () => {
        performance.mark(MARKS.layoutDone, { detail: { count: visible.nodes().length } });
        container.current?.setAttribute(
          'data-layout-run',
          String(Number(container.current.dataset.layoutRun ?? 0) + 1),
        );
      });
      // Draw first, lay out after: the investigator sees the nodes at once.
      requestAnimationFrame(() => setTimeout(() => layout.run(), 0));
    }
  }, [state, classes]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy || event.target !== event.currentTarget) return;
    const selection = state.selection;
    const zoomBy = (factor: number) => {
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    };
    const actions: Record<string, () => void> = {
      Enter: () => selection.forEach((key) => onExpand(key)),
      Delete: () => onHide(selection),
      h: () => onHide(selection),
      p: () => onTogglePin(selection),
      f: () => cy.fit(undefined, 30),
      '+': () => zoomBy(1.25),
      '=': () => zoomBy(1.25),
      '-': () => zoomBy(0.8),
    };
    const action = actions[event.key];
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

// Mirroring the investigation state onto Cytoscape: elements with their derived classes, pins
// and selection, then a layout when nodes arrived or the investigator asked for one.
import type { Core, ElementDefinition } from 'cytoscape';
import { useEffect, useRef, type RefObject } from 'react';
import type { ExplorerState } from '../state/types.ts';
import { edgeData, nodeData, type DerivedClasses } from './derive.ts';
import { groupEdgeData, groupNodeData, linkEdgeData } from './link-elements.ts';
import { layoutOptions } from './layouts.ts';
import { MARKS } from './marks.ts';
import { buildStylesheet, LARGE_VIEW } from './stylesheet.ts';

type Fresh = ElementDefinition[];

/** What the mirror last wrote for one element: the state's object it came from and its classes. */
interface Written {
  source: object;
  classes: string;
}

/**
 * What each Cytoscape instance was last given, by element id. An element whose state object and
 * classes are the ones it was last given is left alone: an undo or a small step then touches
 * only the elements that changed (each write to an element costs a style pass on it).
 */
const writtenByCore = new WeakMap<Core, { currency: string | null; elements: Map<string, Written> }>();

function writtenFor(cy: Core, currency: string | null): Map<string, Written> {
  const known = writtenByCore.get(cy);
  // Link captions carry the currency: when it changes, every element is written again.
  if (known && known.currency === currency) return known.elements;
  const elements = known?.elements ?? new Map<string, Written>();
  for (const written of elements.values()) written.source = {};
  writtenByCore.set(cy, { currency, elements });
  return elements;
}

/** Adds an element the canvas lacks (to `fresh`) or updates the one it has; true when new. */
function syncElement(
  cy: Core,
  group: 'nodes' | 'edges',
  data: { id: string },
  classes: string[] | undefined,
  fresh: Fresh,
): boolean {
  const existing = cy.getElementById(data.id);
  if (existing.empty()) {
    fresh.push({ group, data, classes: classes ?? [] });
    return true;
  }
  existing.data(data);
  existing.classes(classes ?? []);
  return false;
}

/** Pins and selection onto the nodes, each only on change (each call emits an event per node). */
function syncPinsAndSelection(cy: Core, state: ExplorerState): void {
  const pinned = new Set(state.pinned);
  const selected = new Set(state.selection);
  cy.nodes().forEach((node) => {
    const pin = pinned.has(node.id());
    if (pin !== node.locked()) {
      if (pin) node.lock();
      else node.unlock();
    }
    if (selected.has(node.id()) && !node.selected()) node.select();
    else if (!selected.has(node.id()) && node.selected()) node.unselect();
  });
}

/** The elements the state draws, each with the state object it comes from, nodes first. */
function* stateElements(
  state: ExplorerState,
  currency: string | null,
): Generator<{ group: 'nodes' | 'edges'; source: object; data: () => { id: string } }> {
  for (const n of Object.values(state.nodes)) yield { group: 'nodes', source: n, data: () => nodeData(n) };
  for (const g of Object.values(state.groups))
    yield { group: 'nodes', source: g, data: () => groupNodeData(g) };
  for (const e of Object.values(state.edges)) yield { group: 'edges', source: e, data: () => edgeData(e) };
  for (const l of Object.values(state.links))
    yield { group: 'edges', source: l, data: () => linkEdgeData(l, currency) };
  for (const g of Object.values(state.groups))
    yield { group: 'edges', source: g, data: () => groupEdgeData(g, currency) };
}

/**
 * Mirrors the state onto Cytoscape in one batch (one style pass), as a diff against what it last
 * wrote: removes what the state no longer holds, adds what is new with its derived classes, and
 * rewrites only the elements whose state object or classes changed; then pins and selection.
 * Returns the keys of the nodes added.
 */
function mirrorState(
  cy: Core,
  state: ExplorerState,
  classes: DerivedClasses,
  currency: string | null,
): string[] {
  const added: string[] = [];
  const written = writtenFor(cy, currency);
  const held = new Set<string>();
  const fresh: Fresh = [];
  cy.batch(() => {
    for (const { group, source, data } of stateElements(state, currency)) {
      const d = data();
      // A group is a node and an edge: its edge's id differs from its node's.
      held.add(d.id);
      const elementClasses = (group === 'nodes' ? classes.nodes : classes.edges)[d.id];
      const classKey = elementClasses?.join(' ') ?? '';
      const last = written.get(d.id);
      if (last && last.source === source && last.classes === classKey) continue;
      written.set(d.id, { source, classes: classKey });
      if (syncElement(cy, group, d, elementClasses, fresh) && group === 'nodes') added.push(d.id);
    }
    for (const id of [...written.keys()]) {
      if (held.has(id)) continue;
      written.delete(id);
      cy.getElementById(id).remove();
    }
    cy.add(fresh);
    syncPinsAndSelection(cy, state);
  });
  return added;
}

/** Puts the nodes back where the state says they were (an undo or redo), in one batch. */
function applyPositions(cy: Core, positions: ExplorerState['positions']): void {
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const at = positions[node.id()];
      // Only the nodes that move: each move dirties the node's and its edges' geometry.
      const now = node.position();
      if (at && (Math.abs(now.x - at.x) > 0.05 || Math.abs(now.y - at.y) > 0.05))
        node.position({ x: at.x, y: at.y });
    });
  });
}

/** Where every node stands now, to one decimal. */
export function currentPositions(cy: Core): ExplorerState['positions'] {
  const positions: ExplorerState['positions'] = {};
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    positions[node.id()] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
  return positions;
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

/** Lays out the visible elements and counts finished layouts on the container (data-layout-run). */
function runLayout(
  cy: Core,
  container: HTMLElement | null,
  state: ExplorerState,
  fresh: boolean,
  onPositions: (positions: ExplorerState['positions']) => void,
): void {
  const visible = cy.elements().not('.hidden, .filtered');
  const layout = visible.layout(layoutOptions(state.layout, visible.nodes().length, fresh));
  layout.one('layoutstop', () => {
    performance.mark(MARKS.layoutDone, { detail: { count: visible.nodes().length } });
    onPositions(currentPositions(cy));
    container?.setAttribute('data-layout-run', String(Number(container.dataset.layoutRun ?? 0) + 1));
  });
  // Draw first, lay out after: the investigator sees the nodes at once.
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark(MARKS.layoutRun);
      layout.run();
    }, 0),
  );
}

/** What the mirror needs beside the state: the data's currency and where to report positions. */
export interface MirrorOptions {
  currency: string | null;
  onPositions: (positions: ExplorerState['positions']) => void;
}

/**
 * Keeps Cytoscape in step with the state on every change. `syncing` is raised while the state is
 * written, so the selection events it causes are not reported back as the user's. Positions the
 * canvas reported come back unchanged; any others are a state restored by undo or redo, and the
 * nodes go back to them instead of being laid out again.
 */
export function useMirror(
  cyRef: RefObject<Core | null>,
  container: RefObject<HTMLDivElement | null>,
  syncing: RefObject<boolean>,
  state: ExplorerState,
  classes: DerivedClasses,
  options: MirrorOptions,
): void {
  const lastLayoutRun = useRef(state.layoutRun);
  const largeView = useRef(false);
  const reported = useRef(state.positions);
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // A node dragged by hand stays where it was put: its place goes into the state.
    const onDragged = () => {
      reported.current = currentPositions(cy);
      latest.current.onPositions(reported.current);
    };
    cy.on('dragfree', 'node', onDragged);
    return () => {
      cy.removeListener('dragfree', 'node', onDragged);
    };
  }, [cyRef]);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    syncing.current = true;
    const syncStart = performance.now();
    // Switch style before adding, so a large addition is styled once, in the style it keeps.
    // Entered at LARGE_VIEW nodes and left below half of it: an undo or redo across the line
    // does not restyle every element twice.
    const count = Object.keys(state.nodes).length;
    const large = largeView.current ? count >= LARGE_VIEW / 2 : count >= LARGE_VIEW;
    if (large !== largeView.current) {
      largeView.current = large;
      cy.style(buildStylesheet({ large }));
    }
    const added = mirrorState(cy, state, classes, latest.current.currency);
    if (added.length > 0) {
      performance.mark(MARKS.elementsAdded, { startTime: syncStart, detail: { count: added.length } });
      cy.one('render', () => performance.mark(MARKS.firstRender));
    }
    const restored = state.positions !== reported.current;
    if (restored) {
      reported.current = state.positions;
      applyPositions(cy, state.positions);
    }
    syncing.current = false;
    const relayout = !restored && state.layoutRun !== lastLayoutRun.current;
    lastLayoutRun.current = state.layoutRun;
    const unplaced = restored ? added.filter((key) => !state.positions[key]) : added;
    if (unplaced.length > 0 || relayout) {
      const report = (positions: ExplorerState['positions']) => {
        reported.current = positions;
        latest.current.onPositions(positions);
      };
      // A large addition is laid out afresh; a small one settles around what is already placed.
      const fresh = relayout || unplaced.length * 2 > cy.nodes().length;
      if (!fresh) seedPositions(cy, unplaced);
      runLayout(cy, container.current, state, fresh, report);
    }
  }, [state, classes]);
}

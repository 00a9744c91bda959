// Mirroring the investigation state onto Cytoscape: elements with their derived classes, pins
// and selection, then a layout when nodes arrived or the investigator asked for one.
import type { Core, ElementDefinition } from 'cytoscape';
import { useEffect, useRef, type RefObject } from 'react';
import type { ExplorerState } from '../state/types.ts';
import { edgeData, nodeData, type DerivedClasses } from './derive.ts';
import { layoutOptions } from './layouts.ts';
import { MARKS } from './marks.ts';
import { buildStylesheet, LARGE_VIEW } from './stylesheet.ts';

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

/** Lays out the visible elements and counts finished layouts on the container (data-layout-run). */
function runLayout(cy: Core, container: HTMLElement | null, state: ExplorerState, fresh: boolean): void {
  const visible = cy.elements().not('.hidden, .filtered');
  const layout = visible.layout(layoutOptions(state.layout, visible.nodes().length, fresh));
  layout.one('layoutstop', () => {
    performance.mark(MARKS.layoutDone, { detail: { count: visible.nodes().length } });
    container?.setAttribute('data-layout-run', String(Number(container.dataset.layoutRun ?? 0) + 1));
  });
  // Draw first, lay out after: the investigator sees the nodes at once.
  requestAnimationFrame(() => setTimeout(() => layout.run(), 0));
}

/**
 * Keeps Cytoscape in step with the state on every change. `syncing` is raised while the state is
 * written, so the selection events it causes are not reported back as the user's.
 */
export function useMirror(
  cyRef: RefObject<Core | null>,
  container: RefObject<HTMLDivElement | null>,
  syncing: RefObject<boolean>,
  state: ExplorerState,
  classes: DerivedClasses,
): void {
  const lastLayoutRun = useRef(state.layoutRun);
  const largeView = useRef(false);
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
      runLayout(cy, container.current, state, fresh);
    }
  }, [state, classes]);
}

// The UI benchmark's hub figures: a broker with hundreds of importers opened into its trade links
// and its "more importers" group opened until every importer is drawn, timed from the last
// opening's sync to its first render and to its layout done; then undo and redo of that opening,
// timed in the page from the key press to the canvas holding the earlier (later) node set.
import type { Page } from 'playwright-core';
import { MARKS } from '../../client/src/canvas/marks.ts';
import { fakeHub, hubTradeLinks } from './fake-hub.ts';
import { BENCH_ORIGIN, marksOf, serveExplorer, waitForMarks } from './harness.ts';

/** Importers of the hub: above the 500 the goal names, like the medium world's biggest broker. */
export const HUB_PARTNERS = 600;
const UNDO_ROUNDS = 5;

export interface HubFigures {
  partners: number;
  /** Nodes on the canvas once every importer is drawn (importers, the hub). */
  nodes: number;
  /** The last opening of the group: its elements' sync to first render and to layout done. */
  drawnMs: number;
  layoutMs: number;
  /** Medians over the rounds: key press to the earlier (undo) or later (redo) node set drawn. */
  undoMs: number;
  redoMs: number;
  /** Layouts run by the undo and redo rounds (0: positions are restored, not laid out again). */
  layoutsOnUndo: number;
}

/** The canvas's drawn nodes: how many, and the id of the group node if one is drawn. */
async function canvasNodes(page: Page): Promise<{ count: number; group: string | null }> {
  return page.getByTestId('canvas').evaluate((container) => {
    type Node = { id(): string; data(name: string): unknown };
    const cy = (container as unknown as { _cyreg: { cy: { nodes(): Node[] } } })._cyreg.cy;
    const nodes = cy.nodes();
    return { count: nodes.length, group: nodes.find((n) => n.data('label') === 'Group')?.id() ?? null };
  });
}

/** Opens the group as a double-click would, and waits for the layout that follows. */
async function openGroup(page: Page, group: string): Promise<void> {
  const layouts = (await marksOf(page, MARKS.layoutDone)).length;
  await page.getByTestId('canvas').evaluate((container, id) => {
    type Cy = { getElementById(id: string): { emit(event: string): void } };
    (container as unknown as { _cyreg: { cy: Cy } })._cyreg.cy.getElementById(id).emit('dbltap');
  }, group);
  await waitForMarks(page, MARKS.layoutDone, layouts + 1);
}

/** Presses Ctrl+Z (or Ctrl+Shift+Z) and times it until the canvas holds `count` nodes. */
async function timedHistoryKey(page: Page, redo: boolean, count: number): Promise<number> {
  return page.getByTestId('canvas').evaluate(
    async (container, { shift, n }) => {
      const cy = (container as unknown as { _cyreg: { cy: { nodes(): { length: number } } } })._cyreg.cy;
      const start = performance.now();
      container.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: shift ? 'Z' : 'z',
          ctrlKey: true,
          shiftKey: shift,
          bubbles: true,
        }),
      );
      while (cy.nodes().length !== n && performance.now() - start < 5000)
        await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - start;
    },
    { shift: redo, n: count },
  );
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

export async function measureHub(page: Page, distDir: string): Promise<HubFigures> {
  const hub = fakeHub(HUB_PARTNERS);
  const world = {
    centre: hub.centre,
    nodes: [hub.centre],
    edges: [],
    tradeLinks: (limit: number) => hubTradeLinks(hub, limit),
  };
  await serveExplorer(page, distDir, world);
  await page.goto(`${BENCH_ORIGIN}/`);
  await page.getByRole('combobox', { name: /search/i }).fill('Hub');
  await page.getByRole('listbox').getByRole('option').first().click();
  // The search pick draws the hub alone, then its first trade links: two layouts.
  await waitForMarks(page, MARKS.layoutDone, 2);
  let drawn = await canvasNodes(page);
  let before = drawn.count;
  while (drawn.group) {
    before = drawn.count;
    await openGroup(page, drawn.group);
    drawn = await canvasNodes(page);
  }
  const [adds, renders, layouts] = await Promise.all(
    [MARKS.elementsAdded, MARKS.firstRender, MARKS.layoutDone].map((name) => marksOf(page, name)),
  );
  const start = adds?.at(-1) ?? NaN;
  const layoutsBefore = layouts?.length ?? 0;
  const undo: number[] = [];
  const redo: number[] = [];
  await page.getByTestId('canvas').focus();
  for (let round = 0; round < UNDO_ROUNDS; round++) {
    undo.push(await timedHistoryKey(page, false, before));
    redo.push(await timedHistoryKey(page, true, drawn.count));
  }
  // A layout would be under way by now if undo or redo had started one.
  await page.waitForTimeout(1000);
  return {
    partners: HUB_PARTNERS,
    nodes: drawn.count,
    drawnMs: (renders?.at(-1) ?? NaN) - start,
    layoutMs: (layouts?.at(-1) ?? NaN) - start,
    undoMs: median(undo),
    redoMs: median(redo),
    layoutsOnUndo: (await marksOf(page, MARKS.layoutDone)).length - layoutsBefore,
  };
}

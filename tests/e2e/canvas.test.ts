// The graph on screen, in Debian's Chromium against the real API server on the seeded world:
// expanding a broker draws its importers as parties joined by trade links (no declaration lines),
// a link opens into its lines, the "more importers" group opens into more of them, undo takes the
// last step back in one step and redo puts it again; the legend, tooltips, the right-click menu,
// edge details and the help dialog. Expected figures come from the world's declarations.csv.
// Screenshots at 1440×900 go to test-output/screens/.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  launchChromium,
  MISSING_CHROMIUM,
  type Browser,
} from '../../bench/support/chromium.ts';
import { TRADE_LINK_LIMIT, LINK_LINES_PAGE } from '../../client/src/canvas/expansion.ts';
import { layoutRuns, pointOf, signIn, watchProblems } from './support/canvas.ts';
import { startSeededServer, type SeededServer } from './support/world.ts';

const SCREENS = join(process.cwd(), 'test-output', 'screens');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

let server: SeededServer;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];
/** The world's broker with the most importers, its importers, and lines per importer. */
let broker: string;
let importers: Map<string, { lines: number; value: number }>;

interface Drawn {
  id: string;
  label: string;
  type: string;
  caption: string;
}

/** What the canvas holds, read from the Cytoscape instance its container carries. */
async function drawn(): Promise<{ nodes: Drawn[]; edges: Drawn[] }> {
  return page.getByTestId('canvas').evaluate((container) => {
    type Element = { id(): string; data(name: string): string | undefined };
    const cy = (container as unknown as { _cyreg: { cy: { nodes(): Element[]; edges(): Element[] } } })._cyreg
      .cy;
    const facts = (e: Element) => ({
      id: e.id(),
      label: e.data('label') ?? '',
      type: e.data('type') ?? '',
      caption: e.data('caption') ?? '',
    });
    return { nodes: cy.nodes().map(facts), edges: cy.edges().map(facts) };
  });
}

const byLabel = (nodes: Drawn[], label: string) =>
  nodes
    .filter((n) => n.label === label)
    .map((n) => n.id)
    .sort();

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

async function chooseBroker(): Promise<void> {
  const text = await readFile(server.declarationsPath, 'utf8');
  const rows = parse<Record<string, string>>(text, { columns: true });
  const byBroker = new Map<string, Map<string, { lines: number; value: number }>>();
  for (const row of rows) {
    if (!row.broker_id || !row.importer_id) continue;
    const clients = byBroker.get(row.broker_id) ?? new Map<string, { lines: number; value: number }>();
    const link = clients.get(row.importer_id) ?? { lines: 0, value: 0 };
    link.lines += 1;
    link.value += Number(row.customs_value);
    clients.set(row.importer_id, link);
    byBroker.set(row.broker_id, clients);
  }
  const [best] = [...byBroker.entries()].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]));
  if (!best) throw new Error('the seeded world has no broker');
  [broker, importers] = best;
}

describe.runIf(RUN)('the graph on screen, in Chromium against the seeded server', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENS, { recursive: true });
    server = await startSeededServer();
    await chooseBroker();
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    watchProblems(page, pageProblems);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(`canvas-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws a broker’s importers as parties joined by trade links, not declaration lines', async () => {
    // The group test below needs more importers than one expansion draws.
    expect(importers.size).toBeGreaterThan(TRADE_LINK_LIMIT);
    await signIn(page, 'investigator', 'ringscope-investigator');
    await page.getByRole('combobox', { name: /search/i }).fill(broker);
    await page.getByRole('listbox').getByRole('option').filter({ hasText: broker }).first().click();
    await expect.poll(() => layoutRuns(page), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(async () => byLabel((await drawn()).nodes, 'Importer').length).toBe(TRADE_LINK_LIMIT);

    const { nodes, edges } = await drawn();
    const shown = byLabel(nodes, 'Importer').map((key) => key.slice('Importer:'.length));
    expect(shown.every((id) => importers.has(id))).toBe(true);
    // The largest clients by value are the ones drawn.
    const largest = [...importers.entries()]
      .sort((a, b) => b[1].value - a[1].value)
      .slice(0, TRADE_LINK_LIMIT);
    expect(shown).toEqual(largest.map(([id]) => id).sort());
    expect(byLabel(nodes, 'Shipment')).toEqual([]);
    const links = edges.filter((e) => e.type === 'TRADES');
    expect(links).toHaveLength(TRADE_LINK_LIMIT);
    const [topId, top] = largest[0] ?? ['', { lines: 0, value: 0 }];
    const topLink = links.find((e) => e.id.includes(`Importer:${topId}`));
    expect(topLink?.caption).toMatch(new RegExp(`^${top.lines} lines · €`));
    const groups = nodes.filter((n) => n.label === 'Group');
    expect(groups.map((g) => g.caption)).toEqual([`${importers.size - TRADE_LINK_LIMIT} more importers`]);
    await page.getByTestId('legend').waitFor();
    expect(await page.getByTestId('legend').textContent()).toContain('Trade link (width: value)');
    await shot('canvas-01-trade-links');
  });

  it('opens a trade link into its declaration lines from the link’s details', async () => {
    const [topId, top] = [...importers.entries()].sort((a, b) => b[1].value - a[1].value)[0] ?? [
      '',
      { lines: 0 },
    ];
    const link = (await drawn()).edges.find((e) => e.type === 'TRADES' && e.id.includes(`Importer:${topId}`));
    if (!link) throw new Error(`no trade link to Importer:${topId} is drawn`);
    const at = await pointOf(page, link.id);
    await page.mouse.click(at.x, at.y);
    const details = page.getByTestId('edge-details');
    await details.waitFor();
    expect(await details.textContent()).toContain(`${top.lines.toLocaleString('en-GB')} declaration lines`);
    await shot('canvas-02-link-details');
    await details.getByRole('button', { name: 'Show lines' }).click();
    await expect
      .poll(async () => byLabel((await drawn()).nodes, 'Shipment').length)
      .toBe(Math.min(top.lines, LINK_LINES_PAGE));
    // Each line is joined to both parties of the link.
    const { edges } = await drawn();
    const lineEdges = edges.filter((e) => e.id.includes('|Shipment:'));
    expect(lineEdges).toHaveLength(2 * Math.min(top.lines, LINK_LINES_PAGE));
    await shot('canvas-03-link-lines');
    await details.getByRole('button', { name: 'Close' }).click();
  });

  let beforeGroup: string[] = [];
  let afterGroup: string[] = [];

  it('opens the "more importers" group into the next importers', async () => {
    beforeGroup = (await drawn()).nodes.map((n) => n.id).sort();
    const group = (await drawn()).nodes.find((n) => n.label === 'Group');
    if (!group) throw new Error('no group node is drawn');
    const at = await pointOf(page, group.id);
    await page.mouse.dblclick(at.x, at.y);
    const next = Math.min(importers.size, TRADE_LINK_LIMIT * 2);
    await expect.poll(async () => byLabel((await drawn()).nodes, 'Importer').length).toBe(next);
    const groups = (await drawn()).nodes.filter((n) => n.label === 'Group').map((g) => g.caption);
    expect(groups).toEqual(importers.size > next ? [`${importers.size - next} more importers`] : []);
    afterGroup = (await drawn()).nodes.map((n) => n.id).sort();
    await shot('canvas-04-group-opened');
  });

  it('undoes the group’s expansion in one step and redoes it', async () => {
    await page.getByTestId('canvas').focus();
    // Timed in the page: from the key press until the canvas holds the earlier node set.
    const undoMs = await page.getByTestId('canvas').evaluate(async (container, count) => {
      const cy = (container as unknown as { _cyreg: { cy: { nodes(): { length: number } } } })._cyreg.cy;
      const start = performance.now();
      container.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
      while (cy.nodes().length !== count && performance.now() - start < 5000)
        await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - start;
    }, beforeGroup.length);
    console.info(`undo of the group's expansion on the canvas: ${undoMs.toFixed(1)} ms`);
    await expect.poll(async () => (await drawn()).nodes.map((n) => n.id).sort()).toEqual(beforeGroup);
    await shot('canvas-05-undone');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await drawn()).nodes.map((n) => n.id).sort()).toEqual(afterGroup);
    // The toolbar's buttons do the same.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await drawn()).nodes.map((n) => n.id).sort()).toEqual(beforeGroup);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(async () => (await drawn()).nodes.map((n) => n.id).sort()).toEqual(afterGroup);
  });

  it('shows a tooltip on hover, a right-click menu, and the shortcuts in the help dialog', async () => {
    const at = await pointOf(page, `Broker:${broker}`);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.getByTestId('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(`Broker ${broker}`);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Expand',
      'Hide',
      'Pin',
      'Find paths from here',
      'Show lines',
    ]);
    await shot('canvas-06-menu');
    await menu.getByRole('menuitem', { name: 'Find paths from here' }).click();
    const from = page.getByRole('region', { name: 'Path finder' }).getByLabel('From');
    await expect.poll(() => from.inputValue()).toBe(`Broker:${broker}`);
    await page.getByRole('button', { name: 'Help: keyboard shortcuts' }).click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Ctrl+Shift+Z');
    await shot('canvas-07-help');
    await help.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => help.isVisible()).toBe(false);
    expect(pageProblems).toEqual([]);
  });
});

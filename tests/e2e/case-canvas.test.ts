// A case officer's case on the canvas, in Debian's Chromium against the seeded server: open a
// ring, open a case from it, show the case on the canvas (its members drawn and marked), add a
// declaration line as evidence from the canvas's right-click menu, see it in the case's evidence
// list and timeline, and find it in the downloaded case pack. Screens go to test-output/screens/.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import yauzl from 'yauzl';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  launchChromium,
  MISSING_CHROMIUM,
  type Browser,
} from '../../bench/support/chromium.ts';
import type { Ring } from '../../src/model/index.ts';
import { startSeededServer, type SeededServer } from './support/world.ts';
import { signIn } from './support/canvas.ts';

const SCREENS = join(process.cwd(), 'test-output', 'screens');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

let server: SeededServer;
let browser: Browser;
let page: Page;
let ring: Ring;
/** The ring's importer with the most declaration lines. */
let trader = '';
const pageProblems: string[] = [];
/** The declaration line picked on the canvas, as `declarationId/line`. */
let picked = '';

interface Drawn {
  id: string;
  label: string;
  caseMember: boolean;
}

/** What the canvas holds, read from the Cytoscape instance its container carries. */
async function drawn(): Promise<Drawn[]> {
  return page.getByTestId('canvas').evaluate((container) => {
    type Element = { id(): string; data(name: string): string | undefined; hasClass(c: string): boolean };
    const cy = (container as unknown as { _cyreg: { cy: { nodes(): Element[] } } })._cyreg.cy;
    return cy
      .nodes()
      .map((e) => ({ id: e.id(), label: e.data('label') ?? '', caseMember: e.hasClass('case-member') }));
  });
}

/**
 * The page point of the node of `label` farthest from any other node (so a right-click there
 * lands on it alone), with the whole drawing in view.
 */
async function loneNode(
  wanted: { label: string } | { id: string },
): Promise<{ id: string; x: number; y: number }> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('the canvas has no bounding box');
  const at = await page.getByTestId('canvas').evaluate((container, wanted) => {
    type Point = { x: number; y: number };
    type Node = {
      id(): string;
      data(name: string): string | undefined;
      renderedPosition(): Point;
      visible(): boolean;
    };
    const cy = (
      container as unknown as { _cyreg: { cy: { nodes(): Node[]; fit(e?: unknown, p?: number): void } } }
    )._cyreg.cy;
    cy.fit(undefined, 40);
    const nodes = cy.nodes().filter((n) => n.visible());
    let best: { id: string; x: number; y: number; gap: number } | null = null;
    const matches = (n: Node) => ('id' in wanted ? n.id() === wanted.id : n.data('label') === wanted.label);
    for (const node of nodes.filter(matches)) {
      const p = node.renderedPosition();
      const gap = Math.min(
        ...nodes
          .filter((o) => o !== node)
          .map((o) => Math.hypot(o.renderedPosition().x - p.x, o.renderedPosition().y - p.y)),
      );
      if (!best || gap > best.gap) best = { id: node.id(), x: p.x, y: p.y, gap };
    }
    if (!best) throw new Error(`no node ${JSON.stringify(wanted)} is drawn`);
    return best;
  }, wanted);
  return { id: at.id, x: box.x + at.x, y: box.y + at.y };
}

async function layoutRuns(): Promise<number> {
  return Number((await page.getByTestId('canvas').getAttribute('data-layout-run')) ?? 0);
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

describe.runIf(RUN)('a case officer works a case on the canvas', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENS, { recursive: true });
    server = await startSeededServer();
    const best = [...server.run.rings]
      .filter((r) => r.members.length >= 2 && r.members.some((m) => m.label === 'Importer'))
      .sort((a, b) => b.score - a.score)[0];
    if (!best) throw new Error('the seeded world has no ring with an importer among two or more members');
    ring = best;
    const lines = new Map<string, number>();
    for (const row of parse<Record<string, string>>(await readFile(server.declarationsPath, 'utf8'), {
      columns: true,
    }))
      if (row.importer_id) lines.set(row.importer_id, (lines.get(row.importer_id) ?? 0) + 1);
    const importers = ring.members.filter((m) => m.label === 'Importer').map((m) => m.id);
    trader =
      importers.sort((a, b) => (lines.get(b) ?? 0) - (lines.get(a) ?? 0) || a.localeCompare(b))[0] ?? '';
    if (!lines.get(trader)) throw new Error(`no importer of ${ring.id} has declaration lines`);
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageProblems.push(`script error: ${error.message}`));
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await shot(`case-canvas-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a ring and a case from it', async () => {
    await signIn(page, 'officer', 'ringscope-officer');
    const before = await layoutRuns();
    await page.locator(`button[data-ring-id="${ring.id}"]`).first().click();
    await expect.poll(layoutRuns, { timeout: 60_000 }).toBeGreaterThan(before);
    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.getByLabel('New case title').fill(`Ring ${ring.id}`);
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 3, name: `Ring ${ring.id}` }).waitFor();
    await page.getByRole('button', { name: 'Add open ring' }).click();
    await page.getByRole('status').filter({ hasText: 'Ring added.' }).waitFor();
  });

  it('shows the case on the canvas: its members drawn with the case border', async () => {
    await page.getByRole('toolbar').getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(async () => (await drawn()).length).toBe(0);
    const runs = await layoutRuns();
    await page.getByRole('button', { name: 'Show on canvas' }).click();
    const members = ring.members.map((m) => `${m.label}:${m.id}`).sort();
    await expect
      .poll(
        async () =>
          (await drawn())
            .filter((n) => n.caseMember)
            .map((n) => n.id)
            .sort(),
        { timeout: 30_000 },
      )
      .toEqual(members);
    await expect.poll(layoutRuns, { timeout: 60_000 }).toBeGreaterThan(runs);
    expect(await page.getByTestId('legend').textContent()).toContain('In the case shown');
    await shot('case-canvas-01-shown');
    // The legend floats over the canvas's corner: put it away so every node can be pointed at.
    await page.getByRole('toolbar').getByRole('button', { name: 'Legend' }).click();
    await page.getByTestId('legend').waitFor({ state: 'detached' });
  });

  it('adds a declaration line to the case from the canvas menu', async () => {
    // Open an importer member into its declaration lines, then pick one on the canvas.
    const member = await loneNode({ id: `Importer:${trader}` });
    await page.mouse.click(member.x, member.y, { button: 'right' });
    const before = await layoutRuns();
    await page.getByRole('menuitem', { name: 'Show lines' }).click();
    await expect
      .poll(async () => (await drawn()).filter((n) => n.label === 'Shipment').length)
      .toBeGreaterThan(0);
    await expect.poll(layoutRuns, { timeout: 60_000 }).toBeGreaterThan(before);
    const line = await loneNode({ label: 'Shipment' });
    await page.mouse.click(line.x, line.y, { button: 'right' });
    await shot('case-canvas-02-menu');
    await page.getByRole('menuitem', { name: `Add to case Ring ${ring.id}` }).click();
    picked = line.id.slice('Shipment:'.length);
    await page
      .getByTestId('case-pick-notice')
      .filter({ hasText: `Added ${picked} to the case.` })
      .waitFor();
    expect(await page.getByTestId('case-evidence').textContent()).toContain(picked);
    const timeline = page.getByTestId('case-timeline');
    await timeline.locator(`[data-line="${picked}"]`).waitFor({ state: 'attached' });
    expect(await timeline.getByRole('heading').textContent()).toBe('Timeline (1 evidence line)');
    await page.getByTestId('case-timeline').scrollIntoViewIfNeeded();
    await shot('case-canvas-03-evidence-timeline');
  });

  it('downloads the case pack with the picked line in it', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download case pack' }).click(),
    ]);
    const files = await unzip(await readFile(await download.path()));
    const [declarationId = ''] = picked.split('/');
    expect(files.get('declarations.csv')).toContain(declarationId);
    const pack = JSON.parse(files.get('case.json') ?? '{}') as { evidence?: { declarationIds: string[] }[] };
    expect(pack.evidence?.flatMap((e) => e.declarationIds)).toEqual([picked]);
  });

  it('changes the case description, assignee and visibility in the panel', async () => {
    const id = (await page.locator('.case-detail').getAttribute('data-case-id')) ?? '';
    const controls = page.locator('form.case-controls');
    await controls.getByLabel('Description', { exact: true }).fill('Phoenix firms behind one person');
    await controls.getByLabel('Assignee', { exact: true }).fill('admin');
    await page.getByRole('button', { name: 'Save case details' }).click();
    await page.getByRole('status').filter({ hasText: 'Case updated.' }).waitFor();
    await controls.getByLabel('Visibility').selectOption('restricted');
    await page.getByRole('status').filter({ hasText: 'Visibility updated.' }).waitFor();
    const answer = (await (await page.request.get(`/api/cases/${id}`)).json()) as {
      case: { description: string; assignee: string | null; visibility: string };
    };
    expect([answer.case.description, answer.case.assignee, answer.case.visibility]).toEqual([
      'Phoenix firms behind one person',
      'admin',
      'restricted',
    ]);
    await shot('case-canvas-04-controls');
  });

  it("adds a line from the entity panel's timeline: a point is a button while the case is open", async () => {
    const member = await loneNode({ id: `Importer:${trader}` });
    await page.mouse.click(member.x, member.y);
    await page.getByRole('tab', { name: 'Entity' }).click();
    const points = page.locator('figure.timeline [role="button"][data-line]');
    await points.first().waitFor();
    const lines = await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-line') ?? ''));
    const other = lines.find((l) => l !== picked);
    if (!other) throw new Error(`Importer:${trader} has no line other than ${picked}`);
    await shot('case-canvas-05-entity-timeline');
    await page.locator(`figure.timeline [data-line="${other}"]`).dispatchEvent('click');
    await page.getByRole('tab', { name: 'Cases' }).click();
    await expect
      .poll(async () => (await page.getByTestId('case-evidence').textContent()) ?? '')
      .toContain(other);
    expect(await page.getByTestId('case-timeline').getByRole('heading').textContent()).toBe(
      'Timeline (2 evidence lines)',
    );
    expect(pageProblems).toEqual([]);
  });
});

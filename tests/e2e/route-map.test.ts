// The route map and a party's right-click menu, in Debian's Chromium against the seeded server
// (a case officer): open the ring with the most party members, open its route map, check one path
// per route with the width of its value against the world's declarations.csv (aggregated here,
// each line once), the figures of a focused route and the table; then, with a case open, a
// ring member's right-click menu lists every action and "Add to case" pins it to the case. No CSP
// violation throughout (the world map is the app's own file). Screens go to test-output/screens/.
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
import { linkWidth } from '../../client/src/canvas/link-elements.ts';
import type { Ring } from '../../src/model/index.ts';
import { layoutRuns, signIn, watchProblems } from './support/canvas.ts';
import { startSeededServer, type SeededServer } from './support/world.ts';

const SCREENS = join(process.cwd(), 'test-output', 'screens');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

const COLUMN = {
  Importer: 'importer_id',
  Broker: 'broker_id',
  Supplier: 'supplier_id',
  Consignee: 'consignee_id',
};

interface Route {
  origin: string | null;
  departure: string | null;
  office: string | null;
  lines: number;
  value: number;
}

let server: SeededServer;
let browser: Browser;
let page: Page;
let ring: Ring;
/** The ring's routes from declarations.csv, in the map's order (value, lines, then the places). */
let expected: Route[] = [];
const pageProblems: string[] = [];

const partyMembers = (r: Ring) => r.members.filter((m) => m.label in COLUMN);

const orNull = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

async function ringRoutes(r: Ring): Promise<Route[]> {
  const rows = parse<Record<string, string>>(await readFile(server.declarationsPath, 'utf8'), {
    columns: true,
  });
  const wanted = partyMembers(r).map((m) => [COLUMN[m.label as keyof typeof COLUMN], m.id] as const);
  const routes = new Map<string, Route>();
  for (const row of rows) {
    if (!wanted.some(([column, id]) => row[column] === id)) continue;
    const at = {
      origin: row.origin_country || null,
      departure: row.departure_country || null,
      office: row.office || null,
    };
    const key = JSON.stringify(at);
    const route = routes.get(key) ?? { ...at, lines: 0, value: 0 };
    route.lines += 1;
    route.value += Number(row.customs_value);
    routes.set(key, route);
  }
  return [...routes.values()].sort(
    (a, b) =>
      b.value - a.value ||
      b.lines - a.lines ||
      orNull(a.origin, b.origin) ||
      orNull(a.departure, b.departure) ||
      orNull(a.office, b.office),
  );
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

/** The page point of the node `id`, with the whole drawing in view. */
async function nodePoint(id: string): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('the canvas has no bounding box');
  const at = await page.getByTestId('canvas').evaluate((container, nodeId) => {
    type Cy = {
      fit(e?: unknown, p?: number): void;
      getElementById(id: string): { renderedPosition(): { x: number; y: number } };
    };
    const cy = (container as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
    cy.fit(undefined, 40);
    return cy.getElementById(nodeId).renderedPosition();
  }, id);
  return { x: box.x + at.x, y: box.y + at.y };
}

describe.runIf(RUN)('the route map and the party menu, in Chromium against the seeded server', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENS, { recursive: true });
    server = await startSeededServer();
    const best = [...server.run.rings].sort(
      (a, b) =>
        partyMembers(b).length - partyMembers(a).length || b.score - a.score || a.id.localeCompare(b.id),
    )[0];
    if (!best) throw new Error('the seeded world has no ring');
    ring = best;
    expected = await ringRoutes(ring);
    if (expected.length < 2) throw new Error(`ring ${ring.id} has fewer than two routes`);
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    watchProblems(page, pageProblems);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await shot(`route-map-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws a ring's routes, one path per route as wide as its value", async () => {
    await signIn(page, 'officer', 'ringscope-officer');
    await page.locator(`button[data-ring-id="${ring.id}"]`).first().click();
    await expect.poll(() => layoutRuns(page), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Route map' }).first().waitFor();
    await page.locator('.ring-view').getByRole('button', { name: 'Route map' }).click();
    const map = page.getByRole('region', { name: 'Route map' });
    await map.getByRole('img', { name: 'Route map' }).waitFor();
    const lines = map.getByTestId('route-line');
    await expect.poll(() => lines.count(), { timeout: 30_000 }).toBe(expected.length);
    const drawn = await lines.evaluateAll((paths) =>
      paths.map((p) => ({
        route: Number(p.getAttribute('data-route')),
        width: Number(p.getAttribute('stroke-width')),
      })),
    );
    expect(drawn.sort((a, b) => a.route - b.route)).toEqual(
      expected.map((r, i) => ({ route: i, width: linkWidth(r.value) })),
    );
    const total = expected.reduce((n, r) => n + r.lines, 0);
    expect(await map.getByTestId('route-totals').textContent()).toContain(
      `${expected.length} routes · ${total.toLocaleString('en-GB')} lines`,
    );
    const rows = await map.getByTestId('route-table').locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(expected.length);
    expected.forEach((r, i) => {
      expect(rows[i]).toContain(`${r.office ?? 'not stated'}${r.lines.toLocaleString('en-GB')}`);
    });
  });

  it('gives the figures of a focused route and closes back to the canvas', async () => {
    const map = page.getByRole('region', { name: 'Route map' });
    const widest = expected[0]!;
    await map.locator('[data-testid="route-line"][data-route="0"]').focus();
    const detail = (await map.getByTestId('route-detail').textContent()) ?? '';
    expect(detail).toContain(`→ ${widest.office}: ${widest.lines.toLocaleString('en-GB')} line`);
    expect(detail).toMatch(/ to \d{4}-\d{2}-\d{2}$/);
    await shot('route-map-ring');
    await page.keyboard.press('Escape');
    await map.waitFor({ state: 'detached' });
    expect(pageProblems).toEqual([]);
  });

  it("offers every action on a party's right-click menu and adds the party to the open case", async () => {
    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.getByLabel('New case title').fill(`Routes of ${ring.id}`);
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 3, name: `Routes of ${ring.id}` }).waitFor();
    await page.getByRole('toolbar').getByRole('button', { name: 'Legend' }).click();
    await page.getByTestId('legend').waitFor({ state: 'detached' });
    const member = partyMembers(ring)[0]!;
    const key = `${member.label}:${member.id}`;
    const at = await nodePoint(key);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Expand',
      'Hide',
      'Pin',
      'Find paths from here',
      'Show lines',
      `Add to case Routes of ${ring.id}`,
    ]);
    await shot('route-map-party-menu');
    await menu.getByRole('menuitem', { name: `Add to case Routes of ${ring.id}` }).click();
    await page
      .getByTestId('case-pick-notice')
      .filter({ hasText: /^Added .+ to the case\.$/ })
      .waitFor();
    const id = (await page.locator('.case-detail').getAttribute('data-case-id')) ?? '';
    const answer = (await (await page.request.get(`/api/cases/${id}`)).json()) as {
      case: { entities: { key: string }[] };
    };
    expect(answer.case.entities.map((e) => e.key)).toEqual([key]);
    expect(pageProblems).toEqual([]);
  });
});

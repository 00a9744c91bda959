// The explorer end to end, in Debian's Chromium against the real API server on a seeded world:
// log in, search a planted ring member, expand, open its ring, highlight an indicator, find a
// path, add the ring to a new case, download the suspect list and the case pack, and see the
// row report of a refused upload. Screenshots of each view go to test-output/screenshots/.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ring } from '../../src/model/index.ts';
import {
  chromiumAvailable,
  launchChromium,
  MISSING_CHROMIUM,
  type Browser,
} from '../../bench/support/chromium.ts';
import { restateMoney } from '../../client/src/format.ts';
import { startSeededServer, type SeededServer } from './support/world.ts';
import { watchProblems } from './support/canvas.ts';

const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

let server: SeededServer;
let browser: Browser;
let page: Page;
let apiPaths: Set<string>;
/** The detected ring the walk-through follows: the best one with a planted member. */
let ring: Ring;
let member: string;
/** Script errors and Content-Security-Policy violations seen by the page. */
const pageProblems: string[] = [];

async function layoutRuns(): Promise<number> {
  return Number((await page.getByTestId('canvas').getAttribute('data-layout-run')) ?? 0);
}

/** Waits for the canvas to finish a layout begun after `before` layouts. */
async function layoutAfter(before: number): Promise<void> {
  await expect.poll(layoutRuns, { timeout: 60_000 }).toBeGreaterThan(before);
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

function chooseRing(): { ring: Ring; member: string } {
  const planted = new Set(server.truth.rings.flatMap((r) => r.members.map((m) => `${m.label}:${m.id}`)));
  for (const candidate of [...server.run.rings].sort((a, b) => b.score - a.score)) {
    const hit = candidate.members.find((m) => m.label === 'Importer' && planted.has(`${m.label}:${m.id}`));
    if (hit && candidate.members.length >= 2) return { ring: candidate, member: hit.id };
  }
  throw new Error('the seeded world has no detected ring with a planted importer');
}

/** Every step's route must be in the server's OpenAPI document: a missing one fails the step. */
function serverHas(path: string): boolean {
  if (!apiPaths.has(path)) throw new Error(`${path} is not in the server's OpenAPI document`);
  return true;
}

describe.runIf(RUN)('the explorer in Chromium against the seeded server', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startSeededServer();
    ({ ring, member } = chooseRing());
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    watchProblems(page, pageProblems);
    const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    apiPaths = new Set(Object.keys(openapi.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1')));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong password, then logs in and shows the user and role', async () => {
    await page.goto('/');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBeTruthy();
    await shot('01-login');
    await page.getByLabel('Password').fill('ringscope-admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('user').waitFor();
    expect(await page.getByTestId('user').textContent()).toContain('admin');
  });

  it('finds a planted ring member by typeahead and expands its neighbourhood', async () => {
    await page.getByRole('combobox', { name: /search/i }).fill(member);
    const option = page.getByRole('listbox').getByRole('option').filter({ hasText: member }).first();
    await option.click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'Importer' }).first().waitFor();
    // Picking expands: the canvas holds the member and its neighbours.
    await expect
      .poll(
        async () =>
          Number(/(\d+) nodes/.exec((await page.getByRole('toolbar').textContent()) ?? '')?.[1] ?? 0),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(1);
    await layoutAfter(0);
    // The keyboard way in: focus the canvas, Enter expands the selection.
    await page.getByTestId('canvas').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.notice').count()).toBe(0);
    await page.getByRole('button', { name: 'Collapse' }).waitFor();
    expect(await page.getByRole('button', { name: 'Collapse' }).isEnabled()).toBe(true);
    await shot('02-expanded');
  });

  it("opens the member's ring: the explanation names its indicators and an indicator highlights", async () => {
    const before = await layoutRuns();
    await page.locator(`button[data-ring-id="${ring.id}"]`).first().click();
    await layoutAfter(before);
    const explanation = page.getByTestId('ring-explanation');
    await explanation.waitFor();
    const text = (await explanation.textContent()) ?? '';
    expect(ring.indicators.length).toBeGreaterThan(0);
    for (const indicator of ring.indicators) {
      // Corroborating leads too ("corroborated by lead on IM-1 (…): …"); the explorer states
      // money in its own format, with the data's currency.
      expect(text).toContain(restateMoney(indicator.description, 'EUR'));
      await page
        .getByRole('button', { name: new RegExp(indicator.name.replaceAll('_', ' '), 'i') })
        .first()
        .waitFor();
    }
    const first = page.locator('.indicators button').first();
    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    await shot('03-ring');
  });

  it('finds a path between two ring members', async () => {
    const [a, b] = ring.members;
    if (!a || !b) throw new Error('the ring has fewer than two members');
    await page.getByLabel('From', { exact: true }).last().fill(`${a.label}:${a.id}`);
    await page.getByLabel('To', { exact: true }).last().fill(`${b.label}:${b.id}`);
    await page.getByRole('button', { name: 'Find paths' }).click();
    const paths = page.getByRole('list', { name: 'Paths found' }).getByRole('button');
    await paths.first().waitFor({ timeout: 30_000 });
    expect(await paths.count()).toBeGreaterThan(0);
    expect(await paths.first().getAttribute('aria-pressed')).toBe('true');
    await shot('04-path');
  });

  it('adds the open ring to a new case', async () => {
    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.getByLabel('New case title').fill(`Ring ${ring.id}`);
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 3, name: `Ring ${ring.id}` }).waitFor();
    await page.getByRole('button', { name: 'Add open ring' }).click();
    await page.getByRole('status').filter({ hasText: 'Ring added.' }).waitFor();
    const entities = page.getByRole('heading', { level: 4, name: /Entities/ });
    await expect
      .poll(async () => Number(/\((\d+)\)/.exec((await entities.textContent()) ?? '')?.[1] ?? 0))
      .toBeGreaterThanOrEqual(ring.members.length);
    await shot('05-case');
  });

  it('downloads the suspect list as CSV with the ring members in it', async () => {
    if (!serverHas('/api/exports/suspects')) return;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /suspect list/i }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toMatch(/score/i);
    expect(rows.length).toBeGreaterThan(0);
    expect(ring.members.some((m) => csv.includes(m.id))).toBe(true);
  });

  it('downloads the case pack: a zip with its manifest', async () => {
    if (!serverHas('/api/cases/:id/pack')) return;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download case pack' }).click(),
    ]);
    const zip = await readFile(await download.path());
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    for (const name of ['manifest.json', 'case.json', 'entities.csv'])
      expect(zip.includes(Buffer.from(name))).toBe(true);
  });

  it('shows the row report of a refused upload', async () => {
    if (!serverHas('/api/jobs/ingest')) return;
    const bad = join(server.dir, 'declarations-bad.csv');
    const original = await readFile(join(server.dir, 'world', 'declarations.csv'), 'utf8');
    const [header, first] = original.split('\n');
    await writeFile(bad, `${header}\n${(first ?? '').replace(/\d{4}-\d{2}-\d{2}/, 'not-a-date')}\n`);
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.getByLabel('Files to ingest').setInputFiles(bad);
    await page.getByRole('button', { name: 'Upload and ingest' }).click();
    const report = page.getByRole('table', { name: 'Row report' });
    await report.waitFor({ timeout: 60_000 });
    expect(await report.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await report.textContent()).toContain('declarations-bad.csv');
    await shot('06-refused-upload');
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});

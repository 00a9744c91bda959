// Saved investigations in Chromium against the seeded server: an investigator draws a ring on the
// canvas, highlights one of its indicators, saves it under a name, reloads the page with
// ?investigation=ID and gets the same nodes, links, positions and ring view back (saved again as a copy and compared through the API); shared with a
// case officer, who opens it read-only by its link, while enforcement is told it does not exist.
// Screenshots go to test-output/screens/.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  launchChromium,
  MISSING_CHROMIUM,
  type Browser,
} from '../../bench/support/chromium.ts';
import type { Investigation } from '../../src/api/investigations.ts';
import { startSeededServer, type SeededServer } from './support/world.ts';
import { signIn, watchProblems } from './support/canvas.ts';

const SCREENS = join(process.cwd(), 'test-output', 'screens');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

let server: SeededServer;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

const nodeCount = async () =>
  Number(/(\d+) nodes/.exec((await page.getByRole('toolbar').textContent()) ?? '')?.[1] ?? 0);
const layoutRuns = async () =>
  Number((await page.getByTestId('canvas').getAttribute('data-layout-run')) ?? 0);
const openInUrl = () => new URL(page.url()).searchParams.get('investigation');

/** Logs out whoever is signed in, signs in as `username` and goes to `path`. */
async function signInAs(username: string, password: string, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user').waitFor();
  await page.goto(path);
  await page.getByTestId('user').waitFor();
}

/** The investigation as the API gives it, asked from the page (its session). */
async function saved(id: string): Promise<Investigation> {
  return page.evaluate(
    async (path) => ((await (await fetch(path)).json()) as { investigation: Investigation }).investigation,
    `/api/investigations/${id}`,
  );
}

describe.runIf(RUN)('saved investigations, in Chromium against the seeded server', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENS, { recursive: true });
    server = await startSeededServer();
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    watchProblems(page, pageProblems);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let first = '';
  let drawn = 0;
  let ringId = '';
  let indicatorName = '';

  it('saves the canvas as a named investigation and names it in the URL', async () => {
    await signIn(page, 'investigator', 'ringscope-investigator');
    const before = await layoutRuns();
    await page.locator('.ring-list button[data-ring-id]').first().click();
    await expect.poll(layoutRuns, { timeout: 60_000 }).toBeGreaterThan(before);
    drawn = await nodeCount();
    expect(drawn).toBeGreaterThan(1);
    ringId =
      (await page.locator('.ring-list button[data-ring-id]').first().getAttribute('data-ring-id')) ?? '';
    const indicator = page.locator('.ring-view button[aria-pressed]').first();
    indicatorName = (await indicator.textContent()) ?? '';
    await indicator.click();
    await expect.poll(() => indicator.getAttribute('aria-pressed')).toBe('true');

    const bar = page.getByTestId('investigation-bar');
    await bar.getByLabel('Investigation name').fill('Ring walk');
    await bar.getByRole('button', { name: 'Save investigation' }).click();
    await bar
      .getByRole('status')
      .filter({ hasText: `Saved “Ring walk” (${drawn} nodes).` })
      .waitFor();
    first = openInUrl() ?? '';
    expect(first).toMatch(/^I-[0-9a-f]{12}$/);
    const investigation = await saved(first);
    expect(investigation.canvas.nodes).toHaveLength(drawn);
    expect(Object.keys(investigation.canvas.positions)).toHaveLength(drawn);
    expect(investigation.canvas.ring).toBe(ringId);
    expect(investigation.canvas.indicator).not.toBeNull();
    await page.screenshot({ path: join(SCREENS, 'investigation-saved.png') });
  });

  it('downloads the firm network for Gephi as GraphML and GEXF', async () => {
    const bar = page.getByTestId('investigation-bar');
    for (const [name, root] of [
      ['GraphML', '<graphml'],
      ['GEXF', '<gexf'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        bar.getByRole('link', { name }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`ringscope-graph.${name.toLowerCase()}`);
      expect(await readFile(await download.path(), 'utf8')).toContain(root);
    }
  });

  it('reopens it from the URL with the same nodes, links and positions', async () => {
    await page.goto(`/?investigation=${first}`);
    const bar = page.getByTestId('investigation-bar');
    await expect.poll(() => bar.getAttribute('data-opened'), { timeout: 60_000 }).toBe(first);
    expect(await nodeCount()).toBe(drawn);
    expect(await bar.getByLabel('Investigation name').inputValue()).toBe('Ring walk');
    // The ring view it had open is back, with the same indicator highlighted.
    await page.locator('.ring-view h2', { hasText: ringId }).waitFor();
    const pressed = page.locator('.ring-view button[aria-pressed="true"]');
    await expect.poll(() => pressed.count()).toBe(1);
    expect(await pressed.textContent()).toBe(indicatorName);
    await page.screenshot({ path: join(SCREENS, 'investigation-reopened.png') });

    // What the canvas holds now, saved as a copy, is what was saved first.
    await bar.getByRole('button', { name: 'Save as new' }).click();
    await expect.poll(openInUrl).not.toBe(first);
    const [original, copy] = await Promise.all([saved(first), saved(openInUrl() ?? '')]);
    const keys = (i: Investigation) => i.canvas.nodes.map((n) => n.key).sort();
    const edges = (i: Investigation) => i.canvas.edges.map((e) => e.id).sort();
    expect(keys(copy)).toEqual(keys(original));
    expect(edges(copy)).toEqual(edges(original));
    expect(copy.canvas.positions).toEqual(original.canvas.positions);
    expect(copy.canvas.filters).toEqual(original.canvas.filters);
  });

  it('shares it read-only: the user named opens it by its link, others are told it does not exist', async () => {
    const copyId = openInUrl() ?? '';
    const bar = page.getByTestId('investigation-bar');
    await bar.getByLabel('Share with').fill('officer');
    await bar.getByRole('button', { name: 'Save', exact: true }).click();
    await bar
      .getByRole('status')
      .filter({ hasText: `Saved “Ring walk” (${drawn} nodes).` })
      .waitFor();
    expect((await saved(copyId)).sharedWith).toEqual(['officer']);

    await signInAs('officer', 'ringscope-officer', `/?investigation=${copyId}`);
    await expect.poll(() => bar.getAttribute('data-opened'), { timeout: 60_000 }).toBe(copyId);
    expect(await nodeCount()).toBe(drawn);
    await bar.getByRole('status').filter({ hasText: 'by investigator' }).waitFor();
    // Read-only: no Save over it, no Delete; saving makes the officer's own copy.
    expect(await bar.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await bar.getByRole('button', { name: 'Save investigation' }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENS, 'investigation-shared.png') });

    await signInAs('enforcement', 'ringscope-enforcement', `/?investigation=${copyId}`);
    await bar
      .getByRole('status')
      .filter({ hasText: `investigation ${copyId} was not found` })
      .waitFor();
    expect(await nodeCount()).toBe(0);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});

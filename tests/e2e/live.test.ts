// Real-time risk in the explorer, in Debian's Chromium against the real API server on the seeded
// world with a risk model trained on its labelled lines: another client posts a red-lane
// declaration and its alert shows within a second; the live lane shows it with its lane and
// reasons and opens its importer; alerts are acknowledged; a party is watched (and a declaration
// naming it raises an alert); an inspection result is recorded, a refused one keeps what was
// typed; a role that may not record sees no form. Screenshots at 1440×900.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InspectionsAnswer, ScoreAnswer, type ScoreDeclarationBody } from '../../src/api/risk.ts';
import {
  chromiumAvailable,
  launchChromium,
  MISSING_CHROMIUM,
  type Browser,
} from '../../bench/support/chromium.ts';
import { percent } from '../../client/src/panels/live/text.ts';
import { redDeclaration } from './support/risk.ts';
import { sessionCookie, startSeededServer, type SeededServer } from './support/world.ts';

const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

const RED_ID = 'LIVE-RED-1';
/** The time an alert may take from the POST to the alerts panel. */
const ALERT_WITHIN_MS = 1000;

let server: SeededServer;
let browser: Browser;
let page: Page;
let red: { body: ScoreDeclarationBody; score: number };
/** The session cookie of the other client (posting declarations and reading results). */
let otherClient: string;
const pageProblems: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function signIn(username: string, password: string): Promise<void> {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user').waitFor();
}

/** The API as another client: its own session, writes with this server as Origin. */
async function other(path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      cookie: otherClient,
      origin: server.url,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A seeded declaration line: the first row of the world's declarations file. */
async function seededLine(): Promise<{ declarationId: string; line: number }> {
  const rows: Record<string, string>[] = parse(await readFile(server.declarationsPath), { columns: true });
  const first = rows[0];
  if (!first) throw new Error('the seeded world has no declarations');
  return { declarationId: first.declaration_id ?? '', line: Number(first.line) };
}

async function openTab(name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

describe.runIf(RUN)('real-time risk in the explorer, in Chromium against the seeded server', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startSeededServer(7, { risk: true });
    red = await redDeclaration(server.declarationsPath, server.riskModel!, RED_ID);
    otherClient = await sessionCookie(server.url, 'enforcement');
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    page.on('pageerror', (error) => pageProblems.push(`script error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
    });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(`failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in and follows the risk stream', async () => {
    await page.goto('/');
    await signIn('admin', 'ringscope-admin');
    await openTab('Live');
    await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor();
    expect(await page.getByTestId('alert-count').textContent()).toBe('0');
  });

  it('shows the alert of a red-lane declaration posted by another client within one second', async () => {
    await openTab('Alerts');
    const alert = page.locator('[data-alert-id]').filter({ hasText: RED_ID });
    const shown = alert.waitFor({ timeout: ALERT_WITHIN_MS });
    const answer = await other('/api/declarations/score', red.body);
    await shown;
    expect(answer.status).toBe(200);
    const scored = ScoreAnswer.parse(await answer.json());
    expect(scored.lines.map((l) => l.lane)).toEqual(['red']);
    expect(scored.lines[0]?.score).toBeCloseTo(red.score, 12);
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`Red lane: ${RED_ID} line 1`);
    expect(text).toContain(`score ${percent(red.score)}`);
    for (const reason of scored.lines[0]?.reasons ?? []) expect(text).toContain(reason);
    expect(await page.getByTestId('alert-count').textContent()).toBe('1');
    await shot('10-alert');
  });

  it('shows the scored declaration in the live lane, with its lane in words and its reasons', async () => {
    await openTab('Live');
    const item = page.locator(`[data-declaration-id="${RED_ID}"]`);
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Red');
    expect(text).toContain(`top score ${percent(red.score)}`);
    expect(text).toContain(`Line 1`);
    expect(text).toContain(`${red.body.lines[0]?.importer_id} (importer)`);
    await shot('11-live-lane');
    await item.getByRole('button', { name: RED_ID }).click();
    const entity = page.locator('#entity-title').filter({ hasText: 'Importer' });
    await entity.waitFor();
    expect(await entity.textContent()).toContain(red.body.lines[0]?.importer_name);
    await expect
      .poll(
        async () =>
          Number(/(\d+) nodes/.exec((await page.getByRole('toolbar').textContent()) ?? '')?.[1] ?? 0),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(1);
  });

  it('watches the importer: the toggle, the watched list, and an alert for its next declaration', async () => {
    const watch = page.getByRole('button', { name: 'Watch', exact: true });
    await watch.click();
    await page.getByLabel('Why watch this party?').fill('red-lane declaration LIVE-RED-1');
    await page.getByRole('button', { name: 'Add to watch list' }).click();
    const watched = page.getByRole('button', { name: 'Watched', exact: true });
    await watched.waitFor();
    expect(await watched.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('watch-reason').textContent()).toContain('red-lane declaration LIVE-RED-1');
    await shot('12-watched');

    await openTab('Alerts');
    const list = page.getByRole('list', { name: 'Watched parties' });
    await list.getByRole('button').first().waitFor();
    expect(await list.textContent()).toContain(`${red.body.lines[0]?.importer_id} (importer)`);
    const watchAlert = page.locator('[data-alert-id]').filter({ hasText: 'Watched party: LIVE-WATCH-1' });
    const shown = watchAlert.waitFor({ timeout: ALERT_WITHIN_MS });
    const answer = await other('/api/declarations/score', { ...red.body, declaration_id: 'LIVE-WATCH-1' });
    expect(answer.status).toBe(200);
    await shown;
    expect(await page.getByTestId('alert-count').textContent()).toBe('3');
  });

  it('acknowledges alerts: they leave the list and the count', async () => {
    const acknowledge = page.locator('[data-alert-id]').first().getByRole('button', { name: 'Acknowledge' });
    await acknowledge.click();
    await expect.poll(() => page.getByTestId('alert-count').textContent()).toBe('2');
    expect(await page.locator('[data-alert-id]').count()).toBe(2);
    await shot('13-alerts-acknowledged');
  });

  it('stops watching the importer with the same toggle', async () => {
    await page.getByRole('list', { name: 'Watched parties' }).getByRole('button').first().click();
    const watched = page.getByRole('button', { name: 'Watched', exact: true });
    await watched.click();
    await page.getByRole('button', { name: 'Watch', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Watch', exact: true }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  });

  it('records an inspection result on a declaration line; a refused one keeps what was typed', async () => {
    const { declarationId, line } = await seededLine();
    await page.getByRole('combobox', { name: /search/i }).fill(declarationId);
    await page
      .getByRole('listbox')
      .getByRole('option')
      .filter({ hasText: `${declarationId}/${line}` })
      .first()
      .click();
    const form = page.getByRole('form', { name: `Inspection result for line ${line}` });
    await form.waitFor();

    // A note with a right-to-left override is refused by the server: the form keeps it all.
    await form.getByLabel('Yes').check();
    await form.getByLabel('Revenue recovered').fill('1250');
    await form.getByLabel('Notes').fill('undervalued \u202Eevil');
    await form.getByRole('button', { name: 'Record result' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /^the request body is not valid: body.notes: contains .*; remove it/,
    );
    expect(await form.getByLabel('Notes').inputValue()).toBe('undervalued \u202Eevil');
    expect(await form.getByLabel('Revenue recovered').inputValue()).toBe('1250');
    expect(await form.getByLabel('Yes').isChecked()).toBe(true);
    await shot('14-inspection-refused');

    await form.getByLabel('Notes').fill('undervalued by half');
    await form.getByRole('button', { name: 'Record result' }).click();
    await form.getByRole('status').filter({ hasText: 'Result recorded.' }).waitFor();
    const recorded = page.getByRole('list', { name: 'Recorded inspection results' });
    await recorded.getByRole('listitem').first().waitFor();
    expect(await recorded.textContent()).toContain(
      `Line ${line}: found, €1,250 recovered · undervalued by half`,
    );
    expect(await form.getByLabel('Notes').inputValue()).toBe('');
    // The line is in the store: the result labels it, and its properties are read again.
    const prop = (name: string) =>
      page
        .locator('table.props tr')
        .filter({ has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) })
        .locator('td');
    await expect.poll(() => prop('illicit').textContent()).toBe('true');
    expect(await prop('revenueRecovered').textContent()).toBe('1250');
    expect(await prop('inspected').textContent()).toBe('true');
    await shot('15-inspection-recorded');

    const kept = InspectionsAnswer.parse(
      await (await other(`/api/inspections?declaration_id=${encodeURIComponent(declarationId)}`)).json(),
    );
    expect(
      kept.inspections.map((i) => [i.line, i.found, i.revenue_recovered, i.notes, i.recorded_by]),
    ).toEqual([[line, true, 1250, 'undervalued by half', 'admin']]);
  });

  it('shows an investigator the results and alerts, but no form, no watch toggle and no acknowledge', async () => {
    const { declarationId, line } = await seededLine();
    await page.getByRole('button', { name: 'Log out' }).click();
    await signIn('investigator', 'ringscope-investigator');
    await page.getByRole('combobox', { name: /search/i }).fill(declarationId);
    await page
      .getByRole('listbox')
      .getByRole('option')
      .filter({ hasText: `${declarationId}/${line}` })
      .first()
      .click();
    const recorded = page.getByRole('list', { name: 'Recorded inspection results' });
    await recorded.getByRole('listitem').first().waitFor();
    expect(await page.getByRole('form', { name: /Inspection result/ }).count()).toBe(0);
    await page.getByRole('button', { name: `Alerts: 2 open` }).click();
    await page.locator('[data-alert-id]').first().waitFor();
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await page.getByText('No party is watched.').waitFor();
    await page.locator('[data-alert-id]').first().getByRole('button').first().click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'Importer' }).first().waitFor();
    expect(await page.getByRole('button', { name: /^Watch/ }).count()).toBe(0);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});

// What the explorer showed wrongly, each checked in Debian's Chromium against the real API server
// on the seeded world: a session ended in another tab returns to the sign-in page; money carries
// the data's currency and one figure per ring; the timeline's largest value fits its axis; the
// minimum-risk filter hides unscored parties; the rings list sorts and filters; leads are listed
// and open their party; a refused case form keeps what was typed and names the field; an officer
// sees no write controls on a case they may only read. Screenshots at 1440×900.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LeadsAnswer } from '../../src/api/leads.ts';
import { NodeDetailAnswer, RingsAnswer } from '../../src/api/graph.ts';
import { NodeLabel } from '../../src/api/index.ts';
import { NeighboursAnswer, TradeLinksAnswer } from '../../src/api/trade.ts';
import { TRADE_LINK_LIMIT } from '../../client/src/canvas/expansion.ts';
import { PartyKey } from '../../src/api/alerts.ts';
import {
  chromiumAvailable,
  launchChromium,
  MISSING_CHROMIUM,
  type Browser,
} from '../../bench/support/chromium.ts';
import { formatMoney } from '../../client/src/format.ts';
import { sessionCookie, startSeededServer, type SeededServer } from './support/world.ts';

const SCREENS = join(process.cwd(), 'test-output', 'screens');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

/** The seeded world's importer with the largest declaration line (2,588,033.57 EUR). */
const BIG_IMPORTER = 'IM-1010';

let server: SeededServer;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

async function shot(name: string, on: Page = page): Promise<void> {
  await on.screenshot({ path: join(SCREENS, `${name}.png`) });
}

async function signIn(username: string, on: Page = page): Promise<void> {
  await on.goto('/');
  await on.getByTestId('user').or(on.getByLabel('User name')).first().waitFor();
  const role = await on.getByTestId('user').count();
  if (role > 0) {
    if (((await on.getByTestId('user').textContent()) ?? '').startsWith(`${username} `)) return;
    await on.getByRole('button', { name: 'Log out' }).click();
  }
  await on.getByLabel('User name').fill(username);
  await on.getByLabel('Password').fill(`ringscope-${username}`);
  await on.getByRole('button', { name: 'Sign in' }).click();
  await on.getByTestId('user').waitFor();
}

async function apiAs(username: string, path: string, body?: unknown): Promise<unknown> {
  const answer = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      cookie: await sessionCookie(server.url, username),
      origin: server.url,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!answer.ok) throw new Error(`${path} answered ${answer.status}: ${await answer.text()}`);
  return answer.json();
}

/** Searches `id` and picks its hit: the node opens in the entity panel and expands. */
async function openById(id: string): Promise<void> {
  await page.getByRole('combobox', { name: /search/i }).fill(id);
  await page.getByRole('listbox').getByRole('option').filter({ hasText: id }).first().click();
  await page.locator('#entity-title').filter({ hasText: /./ }).waitFor();
}

async function ringOrder(): Promise<string[]> {
  return page
    .locator('.ring-list button[data-ring-id]')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-ring-id') ?? ''));
}

describe.runIf(RUN)('explorer defects, in Chromium against the seeded server', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENS, { recursive: true });
    server = await startSeededServer();
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

  it('returns to the sign-in page when the session ended in another tab', async () => {
    await signIn('investigator');
    const other = await browser.context.newPage();
    await other.goto('/');
    await other.getByRole('button', { name: 'Log out' }).click();
    await other.getByLabel('User name').waitFor();
    await other.close();
    await page.getByRole('combobox', { name: /search/i }).fill(BIG_IMPORTER);
    await page.getByLabel('User name').waitFor({ timeout: 10_000 });
    expect(await page.getByRole('status').first().textContent()).toMatch(/session has ended/i);
    await shot('20-session-ended');
  });

  it("labels the timeline's largest value in the data's currency, inside the axis", async () => {
    await signIn('investigator');
    await openById(BIG_IMPORTER);
    const detail = NodeDetailAnswer.parse(await apiAs('investigator', `/api/nodes/Importer:${BIG_IMPORTER}`));
    const largest = Math.max(...detail.shipments.series.map((p) => p.customsValue));
    expect(largest).toBe(2588033.57);
    const tick = page.locator('.timeline svg text.tick').first();
    await tick.waitFor();
    expect(await tick.textContent()).toBe(formatMoney(largest, 'EUR', { compact: true }));
    expect(await tick.textContent()).toBe('€2.6M');
    const [text, svg] = [await tick.boundingBox(), await page.locator('.timeline svg').boundingBox()];
    expect(text && svg && text.x >= svg.x).toBe(true);
    await shot('21-timeline');
  });

  it('hides unscored parties when the minimum risk is above 0, and says so', async () => {
    await signIn('investigator');
    await openById(BIG_IMPORTER);
    const key = `Importer:${BIG_IMPORTER}`;
    // Opening a party draws its trade links and its other neighbours, not its lines.
    const links = TradeLinksAnswer.parse(
      await apiAs('investigator', `/api/graph/trade-links?key=${key}&limit=${TRADE_LINK_LIMIT}`),
    );
    const labels = NodeLabel.options.filter((l) => l !== 'Shipment' && l !== 'Case').join(',');
    const others = NeighboursAnswer.parse(
      await apiAs('investigator', `/api/nodes/${key}/neighbours?limit=200&labels=${labels}`),
    );
    const drawn = [links.party, ...links.links.map((l) => l.other), ...others.nodes];
    const around = { nodes: [...new Map(drawn.map((n) => [n.key, n])).values()] };
    const shown = async () =>
      Number(/(\d+) nodes/.exec((await page.getByRole('toolbar').textContent()) ?? '')?.[1] ?? 0);
    await expect.poll(shown, { timeout: 30_000 }).toBe(around.nodes.length);
    const unscoredParties = around.nodes.filter((n) => PartyKey.safeParse(n.key).success && n.risk === null);
    const below = around.nodes.filter((n) =>
      n.risk === null ? PartyKey.safeParse(n.key).success : n.risk < 0.05,
    );
    expect(unscoredParties.length).toBeGreaterThan(0);
    const slider = page.getByRole('slider', { name: /min.*risk/i });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByText(`${below.length} hidden by filters`).waitFor();
    expect(await page.locator('.panel').filter({ hasText: 'Filters' }).textContent()).toMatch(
      /unscored parties hidden/i,
    );
    await shot('22-min-risk');
  });

  it("gives a ring one revenue figure, in the data's currency, in the list, header and explanation", async () => {
    await signIn('investigator');
    const { rings } = RingsAnswer.parse(await apiAs('investigator', '/api/rings?limit=500'));
    // The best ring whose explanation states a revenue figure.
    const stale = rings.find((r) => /revenue at risk/.test(r.explanation));
    if (!stale) throw new Error('the seeded world has no ring with revenue at risk');
    const figure = formatMoney(stale.revenueAtRisk, 'EUR');
    expect(figure).toMatch(/^€[\d,]+$/);
    const row = page.locator(`.ring-list button[data-ring-id="${stale.id}"]`);
    await expect.poll(() => row.textContent()).toContain(`${figure} at risk`);
    const layouts = () => page.getByTestId('canvas').getAttribute('data-layout-run').then(Number);
    const before = await layouts();
    await row.click();
    // The screenshot waits for the ring's layout to finish.
    await expect.poll(layouts, { timeout: 30_000 }).toBeGreaterThan(before);
    const view = page.locator('.ring-view');
    await view.waitFor();
    const text = (await view.textContent()) ?? '';
    expect(text).toContain(`${figure} revenue at risk`);
    // The explanation states the same figure, formatted the same way.
    const explanation = (await page.getByTestId('ring-explanation').textContent()) ?? '';
    const stated = [...explanation.matchAll(/revenue at risk ([^\s;]+(?: (?:k|M|bn)\b)?)/g)].map((m) => m[1]);
    expect(stated).toEqual([figure]);
    // No amount is left in detection's own format ("(6564)", "30.5 k"): all carry the currency.
    expect(text).not.toMatch(/\((\d+(\.\d+)?)( (k|M|bn))?\)|\d \d*(k|M|bn)\b/);
    await shot('23-ring-money');
  });

  it('sorts the rings by priority by default, and by revenue, size; filters by typology and text', async () => {
    await signIn('investigator');
    const { rings } = RingsAnswer.parse(await apiAs('investigator', '/api/rings?limit=500'));
    const byPriority = [...rings]
      .sort((a, b) => b.priority - a.priority || b.score - a.score)
      .map((r) => r.id);
    await expect.poll(ringOrder).toEqual(byPriority);
    await page.getByLabel('Sort rings by').selectOption({ label: 'Revenue at risk' });
    expect(await ringOrder()).toEqual(
      [...rings]
        .sort((a, b) => b.revenueAtRisk - a.revenueAtRisk || b.priority - a.priority)
        .map((r) => r.id),
    );
    await page.getByLabel('Sort rings by').selectOption({ label: 'Members' });
    expect(await ringOrder()).toEqual(
      [...rings].sort((a, b) => b.memberCount - a.memberCount || b.priority - a.priority).map((r) => r.id),
    );
    const typology = rings[rings.length - 1]!.typology;
    await page.getByLabel('Typology').selectOption(typology);
    const ofTypology = rings.filter((r) => r.typology === typology);
    expect((await ringOrder()).sort()).toEqual(ofTypology.map((r) => r.id).sort());
    await page.getByLabel('Typology').selectOption('');
    const target = rings[0]!;
    await page.getByRole('searchbox', { name: 'Search rings' }).fill(target.id);
    expect(await ringOrder()).toEqual([target.id]);
    await page.getByRole('searchbox', { name: 'Search rings' }).fill('no ring is called this');
    await page.getByText('No ring matches').waitFor();
    await page.getByRole('searchbox', { name: 'Search rings' }).fill('');
    await shot('24-rings-sorted');
  });

  it('lists the leads with party, score and reason; a lead opens its party, whose panel shows it', async () => {
    await signIn('investigator');
    const { leads, total } = LeadsAnswer.parse(await apiAs('investigator', '/api/leads?limit=500'));
    expect(total).toBeGreaterThan(0);
    const list = page.getByRole('list', { name: 'Leads' });
    await list.waitFor();
    await expect.poll(() => list.getByRole('button').count()).toBe(Math.min(leads.length, 500));
    const first = list.getByRole('button').first();
    expect(await first.textContent()).toContain(leads[0]!.score.toFixed(2));
    expect(await first.textContent()).toContain(leads[0]!.reason);
    // A party's panel shows its best lead: the best lead with a seizure path that is its party's best.
    const key = (l: (typeof leads)[number]) => `${l.label}:${l.id}`;
    const best = (l: (typeof leads)[number]) => leads.find((m) => key(m) === key(l)) === l;
    const lead = leads.find((l) => l.path.length > 0 && best(l)) ?? leads[0]!;
    const layouts = () => page.getByTestId('canvas').getAttribute('data-layout-run').then(Number);
    const before = await layouts();
    await list
      .locator(`button[data-lead-key="${key(lead)}"]`)
      .first()
      .click();
    await expect.poll(layouts, { timeout: 30_000 }).toBeGreaterThan(before);
    const panel = page.getByRole('region', { name: 'Lead', exact: true });
    await panel.waitFor();
    expect(await panel.textContent()).toContain(lead.reason);
    // The seizure path, step by step, each party a link.
    const steps = panel.getByRole('list', { name: 'Seizure path' }).getByRole('listitem');
    expect(await steps.count()).toBe(lead.path.length);
    for (const [i, step] of lead.path.entries())
      expect(await steps.nth(i).textContent()).toBe(
        `${step.from.id} → ${step.to.id} (${step.kinds.join(', ')})`,
      );
    await shot('25-leads');
  });

  it('keeps what was typed in a refused note or evidence form and names the field', async () => {
    await signIn('officer');
    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.getByLabel('New case title').fill('Refused forms');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 3, name: 'Refused forms' }).waitFor();
    const note = 'Reversed \u202Etext';
    await page.getByLabel('Note').fill(note);
    await page.getByRole('button', { name: 'Add note' }).click();
    const noteForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add note' }) });
    await noteForm.getByRole('alert').waitFor();
    expect(await noteForm.getByRole('alert').textContent()).toMatch(/^Note: /);
    expect(await page.getByLabel('Note').inputValue()).toBe(note);
    await page.getByLabel('Evidence description').fill('Undervalued lines');
    await page.getByLabel(/^Declaration lines/).fill('not-a-line');
    await page.getByRole('button', { name: 'Add evidence' }).click();
    const evidenceForm = page
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Add evidence' }) });
    await evidenceForm.getByRole('alert').waitFor();
    expect(await evidenceForm.getByRole('alert').textContent()).toMatch(
      /^Declaration lines: .*declarationId\/line/,
    );
    expect(await page.getByLabel('Evidence description').inputValue()).toBe('Undervalued lines');
    expect(await page.getByLabel(/^Declaration lines/).inputValue()).toBe('not-a-line');
    expect(await page.getByLabel(/^Declaration lines/).getAttribute('aria-invalid')).toBe('true');
    await shot('26-refused-forms');
  });

  it('shows an officer no write controls on a case they may only read', async () => {
    const created = (await apiAs('admin', '/api/cases', {
      title: 'Admin team case',
      visibility: 'team',
    })) as {
      case: { id: string };
    };
    await signIn('officer');
    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.getByLabel('Open case').selectOption(created.case.id);
    await page.getByRole('heading', { level: 3, name: 'Admin team case' }).waitFor();
    await page.getByText(/you may read this case but not change it/i).waitFor();
    for (const name of ['Add note', 'Add evidence', /Add selection/, 'Add open ring'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.getByLabel('Status').isDisabled()).toBe(true);
    await shot('27-read-only-case');
    // Their own case keeps its controls.
    const own = await page
      .getByLabel('Open case')
      .locator('option', { hasText: 'Refused forms' })
      .getAttribute('value');
    await page.getByLabel('Open case').selectOption(own ?? '');
    await page.getByRole('button', { name: 'Add note' }).waitFor();
    expect(await page.getByLabel('Status').isDisabled()).toBe(false);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});

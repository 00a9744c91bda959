// The explorer's user stories, each one browser test: one continuous session in Debian's Chromium
// against the real API server on the seeded world, every step checked against the API's own
// answers. The investigator searches a fragment of a party's name, opens it into trade links,
// opens a link into its lines, finds paths to another party, opens the ring and an indicator's
// evidence, saves the investigation, reopens it by its URL and undoes a step; enforcement
// downloads the inspection targets as CSV; an admin creates a user, finds it in the audit trail
// and verifies the chain. Screenshots of every step go to test-output/screens/story-*.png.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  launchChromium,
  MISSING_CHROMIUM,
  type Browser,
} from '../../bench/support/chromium.ts';
import { LINK_LINES_PAGE, TRADE_LINK_LIMIT } from '../../client/src/canvas/expansion.ts';
import type { PathsAnswer, RingDetailAnswer, RingsAnswer, SearchAnswer } from '../../src/api/graph.ts';
import type { TradeLinksAnswer } from '../../src/api/trade.ts';
import {
  apiGet,
  drawn,
  layoutRuns,
  nodePositions,
  pointOf,
  signIn,
  visibleNodeIds,
  watchProblems,
} from './support/canvas.ts';
import { startSeededServer, type SeededServer } from './support/world.ts';
import type { z } from 'zod';

const SCREENS = join(process.cwd(), 'test-output', 'screens');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

type Api<T extends z.ZodType> = z.infer<T>;
const PARTY = /^(Importer|Broker|Supplier|Consignee):/;
/** A trade link as the canvas names it: the two parties' keys in sorted order. */
const linkId = (a: string, b: string) => (a < b ? `TRADES|${a}|${b}` : `TRADES|${b}|${a}`);

let server: SeededServer;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

const shot = (name: string) => page.screenshot({ path: join(SCREENS, `story-${name}.png`) });
const screen = (name: string) => page.getByRole('region', { name });
const nodeCount = async () =>
  Number(/(\d+) nodes/.exec((await page.getByRole('toolbar').textContent()) ?? '')?.[1] ?? 0);

/** The first ring in the list's order with a party member and an indicator whose evidence is links. */
async function ringWithLinkEvidence(): Promise<Api<typeof RingDetailAnswer>> {
  const { rings } = await apiGet<Api<typeof RingsAnswer>>(page, '/api/rings?limit=500');
  for (const summary of rings) {
    const detail = await apiGet<Api<typeof RingDetailAnswer>>(page, `/api/rings/${summary.id}`);
    const parties = detail.ring.members.filter((m) => PARTY.test(`${m.label}:`));
    const linked = detail.ring.indicators.some((i) => i.evidence.rels.length > 0);
    if (parties.length >= 2 && linked) return detail;
  }
  throw new Error('the seeded world has no ring with two parties and link evidence');
}

/** A word of the party's name whose search lists the party among its hits. */
async function fragmentFinding(key: string, name: string): Promise<{ fragment: string; hits: number }> {
  const words = name.split(/\s+/).filter((w) => /^[\p{L}]{4,}$/u.test(w) && w !== name);
  for (const word of words.sort((a, b) => b.length - a.length)) {
    const fragment = word.slice(0, -1).toLowerCase();
    const { hits } = await apiGet<Api<typeof SearchAnswer>>(
      page,
      `/api/search?q=${encodeURIComponent(fragment)}&limit=12`,
    );
    if (hits.some((h) => h.key === key)) return { fragment, hits: hits.length };
  }
  throw new Error(`no fragment of "${name}" finds ${key}`);
}

describe.runIf(RUN)('user stories, each one session in Chromium against the seeded server', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENS, { recursive: true });
    server = await startSeededServer();
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    watchProblems(page, pageProblems);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await shot(`failed-${context.task.name.slice(0, 30).replace(/[^a-z0-9]+/gi, '-')}`);
    expect(pageProblems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('investigator: fragment search → trade links → lines → path → ring evidence → save → reopen → undo', async () => {
    await signIn(page, 'investigator', 'ringscope-investigator');
    const ring = await ringWithLinkEvidence();
    const [member, other] = ring.ring.members
      .map((m) => `${m.label}:${m.id}`)
      .filter((key) => PARTY.test(key));
    const party = ring.nodes.find((n) => n.key === member);
    if (!party || !other) throw new Error(`ring ${ring.ring.id} lacks its member nodes`);

    // 1. Search by a fragment of the name; the list is the API's hits, the party among them.
    const { fragment, hits } = await fragmentFinding(party.key, party.name);
    await page.getByRole('combobox', { name: /search/i }).fill(fragment);
    const options = page.getByRole('listbox').getByRole('option');
    await expect.poll(() => options.count()).toBe(hits);
    await shot('investigator-01-search');

    // 2. Open it: the party with its trade links, as many as the API lists, and no lines.
    const links = await apiGet<TradeLinksAnswer>(
      page,
      `/api/graph/trade-links?key=${encodeURIComponent(party.key)}&limit=${TRADE_LINK_LIMIT}`,
    );
    expect(links.links.length).toBeGreaterThan(0);
    const before = await layoutRuns(page);
    await options.filter({ hasText: party.id }).first().click();
    await expect.poll(() => layoutRuns(page), { timeout: 60_000 }).toBeGreaterThan(before);
    await expect
      .poll(async () =>
        (await drawn(page)).edges
          .filter((e) => e.type === 'TRADES')
          .map((e) => e.id)
          .sort(),
      )
      .toEqual(links.links.map((l) => linkId(party.key, l.other.key)).sort());
    expect((await drawn(page)).nodes.filter((n) => n.label === 'Shipment')).toEqual([]);
    expect((await drawn(page)).nodes.filter((n) => n.label === 'Group')).toHaveLength(links.more.length);
    await shot('investigator-02-trade-links');

    // 3. Open the largest link into its lines: each line joined to both parties.
    const [largest] = links.links;
    if (!largest) throw new Error('no trade link');
    const at = await pointOf(page, linkId(party.key, largest.other.key));
    await page.mouse.click(at.x, at.y);
    const details = page.getByTestId('edge-details');
    await details.waitFor();
    expect(await details.textContent()).toContain(
      `${largest.lines.toLocaleString('en-GB')} declaration lines`,
    );
    const runsBeforeLines = await layoutRuns(page);
    await details.getByRole('button', { name: 'Show lines' }).click();
    const opened = Math.min(largest.lines, LINK_LINES_PAGE);
    await expect
      .poll(async () => (await drawn(page)).nodes.filter((n) => n.label === 'Shipment').length)
      .toBe(opened);
    expect((await drawn(page)).edges.filter((e) => e.id.includes('|Shipment:'))).toHaveLength(2 * opened);
    // The lines were laid out: the link moved from under the pointer, and its tooltip went.
    await expect.poll(() => layoutRuns(page), { timeout: 60_000 }).toBeGreaterThan(runsBeforeLines);
    expect(await page.getByTestId('tooltip').count()).toBe(0);
    await shot('investigator-03-link-lines');
    await details.getByRole('button', { name: 'Close' }).click();

    // 4. Paths from the party to another member of its ring: the API's paths, the first drawn.
    const paths = await apiGet<Api<typeof PathsAnswer>>(
      page,
      `/api/paths?from=${encodeURIComponent(party.key)}&to=${encodeURIComponent(other)}&k=3&maxLength=6`,
    );
    expect(paths.paths.length).toBeGreaterThan(0);
    const finder = page.getByRole('region', { name: 'Path finder' });
    await finder.getByLabel('From').fill(party.key);
    await finder.getByLabel('To').fill(other);
    await finder.getByRole('button', { name: 'Find paths' }).click();
    const found = finder.getByRole('list', { name: 'Paths found' }).getByRole('button');
    await expect.poll(() => found.count()).toBe(paths.paths.length);
    const shortest = paths.paths[0]?.edges.map((e) => e.id).sort() ?? [];
    expect(await found.first().textContent()).toMatch(new RegExp(`^${shortest.length} links: `));
    await expect
      .poll(async () =>
        (await drawn(page)).edges
          .filter((e) => e.classes.includes('path'))
          .map((e) => e.id)
          .sort(),
      )
      .toEqual(shortest);
    await shot('investigator-04-path');

    // 5. Open the ring and its indicator with the most links: those links are drawn as evidence.
    const indicator = [...ring.ring.indicators].sort(
      (a, b) => b.evidence.rels.length - a.evidence.rels.length,
    )[0];
    if (!indicator) throw new Error('no indicator');
    const runs = await layoutRuns(page);
    await page.locator(`.ring-list button[data-ring-id="${ring.ring.id}"]`).click();
    await expect.poll(() => layoutRuns(page), { timeout: 60_000 }).toBeGreaterThan(runs);
    await page
      .getByRole('list', { name: 'Indicators, largest contribution first' })
      .getByRole('button')
      .filter({ hasText: indicator.name.replaceAll('_', ' ') })
      .click();
    // Its links are drawn and marked; besides them only trade links between two of its nodes.
    const rels = [...new Set(indicator.evidence.rels)].sort();
    expect(rels.length).toBeGreaterThan(0);
    await expect
      .poll(async () =>
        (await drawn(page)).edges
          .filter((e) => e.type !== 'TRADES' && e.classes.includes('evidence'))
          .map((e) => e.id)
          .sort(),
      )
      .toEqual(rels);
    const canvas = await drawn(page);
    const marked = new Set(canvas.nodes.filter((n) => n.classes.includes('evidence')).map((n) => n.id));
    for (const link of canvas.edges.filter((e) => e.type === 'TRADES' && e.classes.includes('evidence'))) {
      const [, a, b] = link.id.split('|');
      expect([marked.has(a ?? ''), marked.has(b ?? '')], link.id).toEqual([true, true]);
    }
    await shot('investigator-05-ring-evidence');

    // 6. Save the investigation; the URL names it.
    const saved = await visibleNodeIds(page);
    const total = await nodeCount();
    const bar = page.getByTestId('investigation-bar');
    await bar.getByLabel('Investigation name').fill('Story walk');
    await bar.getByRole('button', { name: 'Save investigation' }).click();
    await bar
      .getByRole('status')
      .filter({ hasText: `Saved “Story walk” (${total} nodes).` })
      .waitFor();
    const id = new URL(page.url()).searchParams.get('investigation') ?? '';
    expect(id).toMatch(/^I-[0-9a-f]{12}$/);
    await shot('investigator-06-saved');

    // 7. Reload by the URL: the same nodes.
    await page.goto(`/?investigation=${id}`);
    await expect.poll(() => bar.getAttribute('data-opened'), { timeout: 60_000 }).toBe(id);
    await expect.poll(() => visibleNodeIds(page)).toEqual(saved);
    const reopenedAt = await nodePositions(page);
    await shot('investigator-07-reopened');

    // 8. Expand the other party, then Ctrl+Z: the reopened canvas again.
    // The legend lies over the canvas's lower left corner: put it away to reach every node.
    await page.getByRole('button', { name: 'Legend' }).click();
    await page.getByTestId('legend').waitFor({ state: 'detached' });
    const runsBeforeExpand = await layoutRuns(page);
    const menuAt = await pointOf(page, other);
    await page.mouse.click(menuAt.x, menuAt.y, { button: 'right' });
    await page.getByRole('menu', { name: 'Actions' }).getByRole('menuitem', { name: 'Expand' }).click();
    await expect
      .poll(async () => (await visibleNodeIds(page)).length, { timeout: 60_000 })
      .toBeGreaterThan(saved.length);
    // Undo once the expansion is laid out: a layout still running would move the nodes again.
    await expect.poll(() => layoutRuns(page), { timeout: 60_000 }).toBeGreaterThan(runsBeforeExpand);
    await shot('investigator-08-expanded');
    await page.getByTestId('canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => visibleNodeIds(page)).toEqual(saved);
    // Where they were, not laid out again.
    expect(await nodePositions(page)).toEqual(reopenedAt);
    await shot('investigator-09-undone');
  });

  it('enforcement: inspection targets → CSV download equal to the table', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await signIn(page, 'enforcement', 'ringscope-enforcement');
    const api = await apiGet<{ lines: { declarationId: string; line: number }[] }>(
      page,
      '/api/targets?limit=50',
    );
    expect(api.lines.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Inspection targets' }).click();
    const targets = screen('Inspection targets');
    await targets.getByLabel('Lines').selectOption('50');
    const rows = targets.getByTestId('targets').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(api.lines.length);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent ?? '')),
    );
    expect(shown.map((r) => `${r[1]}#${r[2]}`)).toEqual(api.lines.map((l) => `${l.declarationId}#${l.line}`));
    await shot('enforcement-01-targets');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      targets.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(header).toBe('rank,declaration_id,line,score,reasons');
    expect(lines.map((l) => l.split(',').slice(0, 3))).toEqual(shown);
  });

  it('admin: create a user → audit trail filtered to that action → verify the chain', async () => {
    await page.getByRole('button', { name: 'Back to the canvas' }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await signIn(page, 'admin', 'ringscope-admin');
    await page.getByRole('button', { name: 'Users' }).click();
    const users = screen('Users');
    const form = users.getByRole('form', { name: 'New user' });
    await form.getByLabel('User name').fill('story.user');
    await form.getByLabel('Role', { exact: true }).selectOption('investigator');
    await form.getByLabel('First password').fill('a long enough passphrase 3');
    await form.getByRole('button', { name: 'Create user' }).click();
    await users.getByRole('status').filter({ hasText: 'Created story.user (investigator)' }).waitFor();
    await shot('admin-01-user-created');

    await page.getByRole('button', { name: 'Back to the canvas' }).click();
    await page.getByRole('button', { name: 'Audit trail' }).click();
    const audit = screen('Audit trail');
    await audit.getByTestId('audit-entries').waitFor();
    await audit.getByLabel('Action').selectOption('user_admin');
    await audit.getByRole('button', { name: 'Apply' }).click();
    const rows = audit.getByTestId('audit-entries').locator('tbody tr');
    // The seeded world's only user change is this one.
    await expect.poll(() => rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells.slice(2)).toEqual([
      'admin',
      'user_admin',
      'story.user',
      JSON.stringify({ what: 'created', role: 'investigator' }),
    ]);
    await shot('admin-02-audit-filtered');

    // Verifying is not itself audited: the API's verdict now is the screen's.
    const verify = await apiGet<{ ok: boolean; entries: number; head: { seq: number } | null }>(
      page,
      '/api/audit/verify',
    );
    expect(verify.ok).toBe(true);
    expect(verify.head?.seq).toBe(verify.entries);
    await audit.getByRole('button', { name: 'Verify the chain' }).click();
    await expect
      .poll(() => audit.getByTestId('chain').textContent())
      .toBe(`Chain OK: ${verify.entries} entries verified, head #${verify.head?.seq}.`);
    await shot('admin-03-chain-verified');
  });
});

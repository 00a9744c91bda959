// Possible duplicates in the explorer, in Debian's Chromium against the real API server on the
// seeded world: two stored resolution candidates are listed with their evidence; an investigator
// accepts one, it leaves the list, and the audit trail shows who accepted which pair; from the
// accepted ones it is reopened, and is open (and two parties) again.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntriesAnswer } from '../../src/api/users.ts';
import type { GraphNode } from '../../src/model/index.ts';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import { resolveLinkId } from '../../src/store/resolve-links.ts';
import {
  chromiumAvailable,
  launchChromium,
  MISSING_CHROMIUM,
  type Browser,
} from '../../bench/support/chromium.ts';
import { sessionCookie, startSeededServer, type SeededServer } from './support/world.ts';
import { signIn } from './support/canvas.ts';

const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

let server: SeededServer;
let browser: Browser;
let page: Page;
const importers: GraphNode[] = [];
const pageProblems: string[] = [];

const nameOf = (n: GraphNode) => String(n.props.name ?? n.id);

/** Stores two candidates among the world's first three importers, beside the running server. */
async function storeCandidates(): Promise<void> {
  const store = await openEmbeddedStore(join(server.dir, 'ringscope.db'));
  try {
    for await (const node of store.streamNodes(['Importer'])) {
      importers.push(node);
      if (importers.length === 3) break;
    }
    const [x, y, z] = importers as [GraphNode, GraphNode, GraphNode];
    const ref = (n: GraphNode) => ({ label: n.label, id: n.id });
    await store.writeResolveCandidates([
      {
        a: ref(x),
        b: ref(y),
        aName: nameOf(x),
        bName: nameOf(y),
        score: 0.97,
        weight: 6,
        evidence: ['same phone', 'names 0.91 similar'],
      },
      {
        a: ref(y),
        b: ref(z),
        aName: nameOf(y),
        bName: nameOf(z),
        score: 0.82,
        weight: 2,
        evidence: ['same street and number'],
      },
    ]);
  } finally {
    await store.close();
  }
}

const sessionOf = (username: string) => sessionCookie(server.url, username);

describe.runIf(RUN)('possible duplicates in the explorer, in Chromium against the seeded server', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startSeededServer(7);
    await storeCandidates();
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    page.on('pageerror', (error) => pageProblems.push(`script error: ${error.message}`));
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await page.screenshot({
        path: join(SCREENSHOTS, `failed-resolve-${context.task.name.slice(0, 40)}.png`),
      });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the candidates; accepting one takes it off the list, reopening brings it back, audited', async () => {
    const [x, y, z] = importers as [GraphNode, GraphNode, GraphNode];
    const accepted = resolveLinkId(x, y);
    const kept = resolveLinkId(y, z);
    await signIn(page, 'investigator', 'ringscope-investigator');
    const list = page.getByRole('list', { name: 'Possible duplicates' });
    const items = list.locator('li[data-candidate-id]');
    await items.nth(1).waitFor();
    expect(await items.evaluateAll((li) => li.map((e) => e.getAttribute('data-candidate-id')))).toEqual([
      accepted,
      kept,
    ]);
    const first = list.locator(`li[data-candidate-id="${accepted}"]`);
    expect(await first.textContent()).toContain('same phone, names 0.91 similar');
    await page.screenshot({ path: join(SCREENSHOTS, 'resolve-candidates.png') });

    await first.getByRole('button', { name: 'Accept' }).click();
    await first.waitFor({ state: 'detached' });
    expect(await items.evaluateAll((li) => li.map((e) => e.getAttribute('data-candidate-id')))).toEqual([
      kept,
    ]);

    const shown = page.getByLabel('Possible duplicates shown');
    await shown.selectOption('accepted');
    const reviewed = list.locator(`li[data-candidate-id="${accepted}"]`);
    await reviewed.getByRole('button', { name: 'Reopen' }).click();
    await reviewed.waitFor({ state: 'detached' });
    await shown.selectOption('open');
    await items.nth(1).waitFor();
    expect(await items.evaluateAll((li) => li.map((e) => e.getAttribute('data-candidate-id')))).toEqual([
      accepted,
      kept,
    ]);

    const answer = await fetch(`${server.url}/api/audit?action=resolve_review&limit=10`, {
      headers: { cookie: await sessionOf('admin') },
    });
    expect(answer.status).toBe(200);
    const { entries } = AuditEntriesAnswer.parse(await answer.json());
    expect(entries.map((e) => [e.username, e.target, e.detail])).toEqual([
      [
        'investigator',
        accepted,
        { decision: 'open', a: `Importer:${x.id}`, b: `Importer:${y.id}`, score: 0.97 },
      ],
      [
        'investigator',
        accepted,
        { decision: 'accepted', a: `Importer:${x.id}`, b: `Importer:${y.id}`, score: 0.97 },
      ],
    ]);
    expect(pageProblems).toEqual([]);
  });
});

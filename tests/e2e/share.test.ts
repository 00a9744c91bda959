// Sharing in the explorer, in Chromium against the seeded server: enforcement opens a ring and
// downloads a package for a partner ("Share with partner…"); an investigator, who may not send
// packages, imports the same package as the receiver (the server trusts its own key as the
// partner's) and the matches table shows the ring's members with their confidence. Screenshots go
// to test-output/screens/.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ring } from '../../src/model/index.ts';
import { isPartyLabel } from '../../src/model/index.ts';
import { loadSigningKey, publicKeyPem } from '../../src/share/signing.ts';
import {
  chromiumAvailable,
  launchChromium,
  MISSING_CHROMIUM,
  type Browser,
} from '../../bench/support/chromium.ts';
import { startSeededServer, type SeededServer } from './support/world.ts';

const SCREENS = join(process.cwd(), 'test-output', 'screens');
const RUN = chromiumAvailable() || process.env.CI === 'true';
const KEY = 'f3a9c2e17b5d4086a1c9e2f3b4d5a6c7e8f90a1b2c3d4e5f60718293a4b5c6d7';

let keys: string;
let server: SeededServer;
let browser: Browser;
let page: Page;
let ring: Ring;
/** The ring's party members (what a package carries), as node keys. */
let parties: string[];
let packagePath = '';
const pageProblems: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

async function signIn(username: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('user').or(page.getByLabel('User name')).first().waitFor();
  if ((await page.getByTestId('user').count()) > 0)
    await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(`ringscope-${username}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user').waitFor();
}

async function openRing(): Promise<void> {
  await page.locator(`button[data-ring-id="${ring.id}"]`).first().click();
  await page.getByTestId('ring-explanation').waitFor();
}

describe.runIf(RUN)('sharing a ring with a partner in Chromium', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENS, { recursive: true });
    keys = await mkdtemp(join(tmpdir(), 'ringscope-e2e-share-'));
    const partnerKeys = join(keys, 'partners');
    await mkdir(partnerKeys);
    await writeFile(join(partnerKeys, 'douane.key'), `${KEY}\n`, { mode: 0o600 });
    const signing = loadSigningKey(join(keys, 'signing.pem'), true);
    await writeFile(join(partnerKeys, 'douane.pub'), publicKeyPem(signing.publicKey));
    server = await startSeededServer(7, {
      config: { share: { keysDir: partnerKeys, signingKey: signing.file } },
    });
    const best = [...server.run.rings]
      .filter((r) => r.members.filter((m) => isPartyLabel(m.label)).length >= 2)
      .sort((a, b) => b.score - a.score)[0];
    if (!best) throw new Error('the seeded world has no ring with two parties');
    ring = best;
    parties = [
      ...new Set(ring.members.filter((m) => isPartyLabel(m.label)).map((m) => `${m.label}:${m.id}`)),
    ].sort();
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageProblems.push(`script error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (keys) await rm(keys, { recursive: true, force: true });
  });

  it('enforcement shares the open ring with a partner as a signed download', async () => {
    await signIn('enforcement');
    await openRing();
    await page.getByRole('button', { name: 'Share with partner…' }).click();
    const form = page.getByRole('form', { name: 'Share with partner' });
    await form.getByLabel('Purpose').fill('joint operation 7');
    await form.getByLabel('Handling code').selectOption('TLP:AMBER');
    expect(await form.getByLabel('Partner').inputValue()).toBe('douane');
    await form.scrollIntoViewIfNeeded();
    await shot('share-01-form');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download package' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ringscope-share-douane-[0-9a-f-]{36}\.json$/);
    packagePath = join(keys, download.suggestedFilename());
    await download.saveAs(packagePath);
    const pkg = (
      JSON.parse(await readFile(packagePath, 'utf8')) as {
        package: { partner: string; purpose: string; handling: string; members: unknown[] };
      }
    ).package;
    expect([pkg.partner, pkg.purpose, pkg.handling]).toEqual(['douane', 'joint operation 7', 'TLP:AMBER']);
    expect(pkg.members).toHaveLength(parties.length);
    await form.getByRole('status').filter({ hasText: 'Package saved as' }).waitFor();
    await shot('share-02-exported');
  });

  it("an admin shares a case's entities from the case view", async () => {
    await signIn('admin');
    await openRing();
    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.getByLabel('New case title').fill('Joint operation 7');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 3, name: 'Joint operation 7' }).waitFor();
    await page.getByRole('button', { name: 'Add open ring' }).click();
    await page.getByRole('status').filter({ hasText: 'Ring added.' }).waitFor();
    await page.getByRole('button', { name: 'Share with partner…' }).click();
    const form = page.getByRole('form', { name: 'Share with partner' });
    await form.getByLabel('Purpose').fill('joint operation 7, case');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download package' }).click(),
    ]);
    const pkg = (
      JSON.parse(await readFile(await download.path(), 'utf8')) as {
        package: { selection: string; rings: unknown[]; members: unknown[] };
      }
    ).package;
    // Adding the ring pinned its members: its parties go, with the ring.
    expect(pkg.selection).toBe('case');
    expect(pkg.members).toHaveLength(parties.length);
    expect(pkg.rings.length).toBeGreaterThanOrEqual(1);
    await form.scrollIntoViewIfNeeded();
    await shot('share-05-case');
  });

  it('an investigator cannot send it, but imports it and sees the ring members matched', async () => {
    await signIn('investigator');
    await openRing();
    expect(await page.getByRole('button', { name: 'Share with partner…' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Share' }).click();
    await page.getByLabel('Package file', { exact: true }).setInputFiles(packagePath);
    await page.getByRole('button', { name: 'Check and match' }).click();
    const report = page.getByTestId('share-report');
    await report.waitFor({ timeout: 30_000 });
    const rows = report.locator('table.share-matches tbody tr.match');
    expect(await rows.count()).toBe(parties.length);
    const matched: string[] = [];
    for (const row of await rows.all()) {
      const cells = await row.locator('td').allTextContents();
      matched.push(/((?:Importer|Consignee|Broker|Supplier|Person):\S+)$/.exec(cells[0] ?? '')?.[1] ?? '');
      expect(Number(cells[2])).toBeGreaterThan(0.99);
      const evidence = await row.locator('xpath=following-sibling::tr[1]').textContent();
      expect(evidence).toContain('same company or person id');
    }
    expect(matched.sort()).toEqual(parties);
    expect(await report.textContent()).toContain(
      `${parties.length} of our parties match ${parties.length} of ${parties.length} members`,
    );
    await rows.first().scrollIntoViewIfNeeded();
    await shot('share-03-import');
    expect(pageProblems).toEqual([]);
  });

  it('shows why a package with one byte changed is refused', async () => {
    const text = await readFile(packagePath, 'utf8');
    const at = text.indexOf('"purpose":"joint operation 7"') + '"purpose":"joint operation '.length;
    const tampered = join(keys, 'tampered.json');
    await writeFile(tampered, `${text.slice(0, at)}8${text.slice(at + 1)}`);
    await page.getByLabel('Package file', { exact: true }).setInputFiles(tampered);
    await page.getByRole('button', { name: 'Check and match' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'refused' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^package from douane refused \(altered\): its signature does not verify: the package was altered after signing \(request [^)]+\)$/,
    );
    expect(await page.getByTestId('share-report').count()).toBe(0);
    await shot('share-04-refused');
  });
});

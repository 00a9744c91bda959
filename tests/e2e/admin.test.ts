// The admin and enforcement screens in Chromium against the seeded server: an admin creates a user,
// changes its role, disables it and resets its password, finds each in the audit trail filtered to
// that action, user and day, and verifies the chain; an enforcement officer opens the inspection
// targets and downloads them as CSV, the same lines as the table. Screenshots go to
// test-output/screens/.
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
import { startSeededServer, type SeededServer } from './support/world.ts';

const SCREENS = join(process.cwd(), 'test-output', 'screens');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

let server: SeededServer;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

async function signIn(username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user').waitFor();
}

const screen = (name: string) => page.getByRole('region', { name });
const headerLinks = () =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button').allTextContents();

describe.runIf(RUN)('admin and enforcement screens, in Chromium against the seeded server', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENS, { recursive: true });
    server = await startSeededServer();
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageProblems.push(`script error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets an admin create a user, who is listed as having to change the password', async () => {
    await signIn('admin', 'ringscope-admin');
    expect(await headerLinks()).toEqual(['Inspection targets', 'Users', 'Audit trail']);
    await page.getByRole('button', { name: 'Users' }).click();
    const users = screen('Users');
    await users.getByTestId('users').locator('tr[data-user="admin"]').waitFor();
    const form = users.getByRole('form', { name: 'New user' });
    await form.getByLabel('User name').fill('ana.lyst');
    await form.getByLabel('Role', { exact: true }).selectOption('case_officer');
    await form.getByLabel('First password').fill('a long enough passphrase 1');
    await form.getByRole('button', { name: 'Create user' }).click();
    await users.getByRole('status').filter({ hasText: 'Created ana.lyst (case_officer)' }).waitFor();
    const row = users.locator('tr[data-user="ana.lyst"]');
    expect(await row.getByLabel('Role of ana.lyst').inputValue()).toBe('case_officer');
    expect(await row.locator('td').nth(2).textContent()).toContain('must change password');
    await page.screenshot({ path: join(SCREENS, 'admin-users.png') });
  });

  it("changes the new user's role, disables the account and resets its password", async () => {
    const users = screen('Users');
    const row = users.locator('tr[data-user="ana.lyst"]');
    await row.getByLabel('Role of ana.lyst').selectOption('enforcement');
    await users.getByRole('status').filter({ hasText: 'ana.lyst is now enforcement.' }).waitFor();
    await row.getByRole('button', { name: 'Disable' }).click();
    await users.getByRole('status').filter({ hasText: 'ana.lyst disabled.' }).waitFor();
    expect(await row.locator('td').nth(2).textContent()).toContain('disabled');
    await row.getByLabel('New password for ana.lyst').fill('another long passphrase 2');
    await row.getByRole('button', { name: 'Reset password' }).click();
    await users.getByRole('status').filter({ hasText: "ana.lyst's password was reset" }).waitFor();
    expect(await row.getByLabel('New password for ana.lyst').inputValue()).toBe('');
  });

  it('finds the creation and the changes in the audit trail filtered to user_admin, admin and today', async () => {
    await page.getByRole('button', { name: 'Back to the canvas' }).click();
    await page.getByRole('button', { name: 'Audit trail' }).click();
    const audit = screen('Audit trail');
    await audit.getByTestId('audit-entries').waitFor();
    const today = new Date().toISOString().slice(0, 10);
    await audit.getByLabel('Action').selectOption('user_admin');
    await audit.getByLabel('User', { exact: true }).fill('admin');
    await audit.getByLabel('From').fill(today);
    await audit.getByLabel('To').fill(today);
    await audit.getByRole('button', { name: 'Apply' }).click();
    const rows = audit.getByTestId('audit-entries').locator('tbody tr');
    // Newest first: the three changes, then the creation.
    await expect.poll(() => rows.count()).toBe(4);
    const details = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelectorAll('td')[5]?.textContent),
    );
    expect(details).toEqual([
      JSON.stringify({ what: 'changed', fields: ['password'] }),
      JSON.stringify({ what: 'changed', fields: ['disabled'] }),
      JSON.stringify({ what: 'changed', fields: ['role'] }),
      JSON.stringify({ what: 'created', role: 'case_officer' }),
    ]);
    const cells = await rows.last().locator('td').allTextContents();
    expect(cells.slice(2)).toEqual([
      'admin',
      'user_admin',
      'ana.lyst',
      JSON.stringify({ what: 'created', role: 'case_officer' }),
    ]);
    expect(cells[1]?.slice(0, 10)).toBe(today);
  });

  it('verifies the chain and says it is whole', async () => {
    const audit = screen('Audit trail');
    await audit.getByRole('button', { name: 'Verify the chain' }).click();
    const verdict = (await audit.getByTestId('chain').textContent()) ?? '';
    const match = /^Chain OK: (\d+) entries verified, head #(\d+)\.$/.exec(verdict);
    expect(match, verdict).not.toBeNull();
    // Every entry from the first to the head was walked.
    expect(Number(match?.[1])).toBeGreaterThan(3);
    expect(match?.[2]).toBe(match?.[1]);
    await page.screenshot({ path: join(SCREENS, 'admin-audit.png') });
  });

  it('shows enforcement the inspection targets and downloads the same lines as CSV', async () => {
    await page.getByRole('button', { name: 'Back to the canvas' }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await signIn('enforcement', 'ringscope-enforcement');
    expect(await headerLinks()).toEqual(['Inspection targets']);
    await page.getByRole('button', { name: 'Inspection targets' }).click();
    const targets = screen('Inspection targets');
    await targets.getByLabel('Lines').selectOption('50');
    // The table says which size it answers: wait for the answer to 50, not the first one (100).
    await expect.poll(() => targets.getByTestId('targets').getAttribute('data-limit')).toBe('50');
    const rows = targets.getByTestId('targets').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent ?? '')),
    );
    expect(shown.length).toBeLessThanOrEqual(50);
    await page.screenshot({ path: join(SCREENS, 'enforcement-targets.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      targets.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ringscope-targets.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = csv.slice(1).trimEnd().split('\r\n');
    expect(header).toBe('rank,declaration_id,line,score,reasons');
    expect(lines.map((l) => l.split(',').slice(0, 3))).toEqual(shown);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});

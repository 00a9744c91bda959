// The PNG export and the time slider, in Debian's Chromium against the real API server on the
// seeded world: the exported picture is the canvas image with a header (title, date, who) and a
// legend around it, and the slider narrowed to one month hides the declaration lines outside it
// and shows the range in the typed dates. Screenshots at 1440×900 go to test-output/screens/.
import { createHash } from 'node:crypto';
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
import { EXPORT_SCALE, exportLayout } from '../../client/src/panels/png/compose.ts';
import { AuditEntriesAnswer } from '../../src/api/users.ts';
import { sessionCookie, startSeededServer, type SeededServer } from './support/world.ts';
import { signIn, watchProblems } from './support/canvas.ts';

const SCREENS = join(process.cwd(), 'test-output', 'screens');
const RUN = chromiumAvailable() || process.env.CI === 'true';
if (!RUN) console.warn(`\n!!! Browser tests SKIPPED: ${MISSING_CHROMIUM}\n`);

let server: SeededServer;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];
/** The world's broker with the most lines. */
let broker: string;
/** Each declaration line's date, by its node key (`Shipment:DECL/LINE`). */
const lineDates = new Map<string, string>();
/** The broker's lines. */
let brokerLines: { declarationId: string; line: string; date: string }[] = [];

type Cy = {
  nodes(): { id(): string; data(name: string): unknown; hasClass(name: string): boolean }[];
  getElementById(id: string): { renderedPosition(): { x: number; y: number } };
  fit(eles?: unknown, padding?: number): void;
  png(options: object): string;
};

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

async function layoutRuns(): Promise<number> {
  return Number((await page.getByTestId('canvas').getAttribute('data-layout-run')) ?? 0);
}

/** Declaration lines on the canvas: their date and whether a filter hides them. */
async function lines(): Promise<{ date: string; shown: boolean }[]> {
  const drawn = await page.getByTestId('canvas').evaluate((container) => {
    const cy = (container as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
    return cy
      .nodes()
      .filter((n) => n.data('label') === 'Shipment')
      .map((n) => ({ key: n.id(), shown: !n.hasClass('filtered') }));
  });
  return drawn.map(({ key, shown }) => {
    const date = lineDates.get(key);
    if (!date) throw new Error(`${key} is not in the world's declarations.csv`);
    return { date, shown };
  });
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.runIf(RUN)('PNG export and the time slider, in Chromium against the seeded server', () => {
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
    await mkdir(SCREENS, { recursive: true });
    server = await startSeededServer();
    const rows = parse<Record<string, string>>(await readFile(server.declarationsPath, 'utf8'), {
      columns: true,
    });
    const count = new Map<string, number>();
    for (const row of rows) {
      lineDates.set(`Shipment:${row.declaration_id}/${row.line}`, row.date ?? '');
      if (row.broker_id) count.set(row.broker_id, (count.get(row.broker_id) ?? 0) + 1);
    }
    const [best] = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (!best) throw new Error('the seeded world has no broker');
    broker = best[0];
    brokerLines = rows
      .filter((row) => row.broker_id === broker)
      .map((row) => ({
        declarationId: row.declaration_id ?? '',
        line: row.line ?? '',
        date: row.date ?? '',
      }));
    browser = await launchChromium({ baseURL: server.url });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    watchProblems(page, pageProblems);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await shot(`export-slider-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('exports the canvas with a header (title, date, user) and a legend', async () => {
    await signIn(page, 'investigator', 'ringscope-investigator');
    await page.getByRole('combobox', { name: /search/i }).fill(broker);
    await page.getByRole('listbox').getByRole('option').filter({ hasText: broker }).first().click();
    await expect.poll(layoutRuns, { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Export PNG' }).click();
    const form = page.getByRole('form', { name: 'Export PNG' });
    const title = form.getByLabel('Title');
    expect(await title.inputValue()).toBe('Ringscope network');
    await title.fill(`Broker ${broker}`);
    await shot('export-01-title');
    // The bare canvas image as the old export made it, at the picture's scale.
    const bare = await page.getByTestId('canvas').evaluate(async (container, scale) => {
      const cy = (container as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
      const image = new Image();
      image.src = cy.png({ full: true, bg: '#ffffff', scale, maxWidth: 8000, maxHeight: 8000 });
      await image.decode();
      return { width: image.naturalWidth, height: image.naturalHeight };
    }, EXPORT_SCALE);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ringscope-\d{4}-\d{2}-\d{2}T\d{6}\.png$/);
    await download.saveAs(join(SCREENS, 'export-02-picture.png'));
    const bytes = await readFile(await download.path());
    const size = pngSize(bytes);
    const header = exportLayout(bare, 0).header;
    expect(size.width).toBe(Math.max(bare.width, exportLayout(bare, 0).width));
    // Below the canvas image, a legend of whole rows: the broker, its importers, trade links.
    const legend = size.height - header - bare.height;
    const rows = (legend / EXPORT_SCALE - 32 - 22) / 22;
    expect(Number.isInteger(rows) && rows >= 1).toBe(true);
    expect(legend).toBe(exportLayout(bare, rows * exportLayout(bare, 0).columns).legend);

    // Decoded in the page: ink in the header (title and byline) and in the legend band.
    const ink = await page.evaluate(
      async ({ data, bands }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2D context');
        ctx.drawImage(image, 0, 0);
        return bands.map(([top, height]) => {
          const pixels = ctx.getImageData(0, top, canvas.width, height).data;
          let dark = 0;
          for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 160) dark += 1;
          return dark;
        });
      },
      {
        data: bytes.toString('base64'),
        bands: [
          [0, header - 2 * EXPORT_SCALE],
          [size.height - legend + 2 * EXPORT_SCALE, legend - 2 * EXPORT_SCALE],
        ] as [number, number][],
      },
    );
    expect(ink[0]).toBeGreaterThan(500);
    expect(ink[1]).toBeGreaterThan(200);
    await expect.poll(() => form.isVisible()).toBe(false);

    // Recorded in the audit trail before it was saved: who, the title, and the picture's SHA-256.
    const audit = await fetch(`${server.url}/api/audit?action=export&limit=10`, {
      headers: { cookie: await sessionCookie(server.url, 'admin') },
    });
    expect(audit.status).toBe(200);
    const { entries } = AuditEntriesAnswer.parse(await audit.json());
    const recorded = entries.filter((e) => e.detail?.['what'] === 'canvas_png');
    expect(recorded.map((e) => e.username)).toEqual(['investigator']);
    const { nodes, ...picture } = recorded[0]?.detail ?? {};
    expect(picture).toEqual({
      what: 'canvas_png',
      title: `Broker ${broker}`,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(nodes).toBeGreaterThan(1);
    expect(pageProblems).toEqual([]);
  });

  it('narrows the lines on the canvas to one month with the slider and shows it as dates', async () => {
    // Put lines of four months across the broker's years on the canvas, each found by its declaration id.
    const months = [...new Set(brokerLines.map((l) => l.date.slice(0, 7)))].sort();
    const n = months.length;
    const picked = [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1].map((i) => months[i] ?? '');
    for (const month of new Set(picked)) {
      const row = brokerLines.find((l) => l.date.startsWith(month));
      if (!row) throw new Error(`the broker has no line in ${month}`);
      const before = (await lines()).length;
      await page.getByRole('combobox', { name: /search/i }).fill(row.declarationId);
      await page
        .getByRole('listbox')
        .getByRole('option')
        .filter({ hasText: `${row.declarationId}/${row.line}` })
        .first()
        .click();
      await expect.poll(async () => (await lines()).length, { timeout: 30_000 }).toBeGreaterThan(before);
    }
    const drawn = await lines();
    // The month to narrow to: the second picked; lines fall in the months around it too.
    const target = picked[1] ?? '';
    expect(new Set(drawn.map((l) => l.date.slice(0, 7))).size).toBeGreaterThan(2);
    expect(drawn.every((l) => l.shown)).toBe(true);

    const slider = page.getByTestId('time-slider');
    const first = slider.getByRole('slider', { name: 'First month' });
    const last = slider.getByRole('slider', { name: 'Last month' });
    await shot('slider-01-all');
    // Handles move one month a key press, as a drag moves them.
    await first.focus();
    while (((await first.getAttribute('aria-valuetext')) ?? '') < target)
      await page.keyboard.press('ArrowRight');
    await last.focus();
    while (((await last.getAttribute('aria-valuetext')) ?? '') > target)
      await page.keyboard.press('ArrowLeft');
    expect(await first.getAttribute('aria-valuetext')).toBe(target);
    expect(await last.getAttribute('aria-valuetext')).toBe(target);

    const filters = page.getByRole('region', { name: 'Filters' });
    const [year = 0, month = 1] = target.split('-').map(Number);
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    expect(await filters.getByLabel('From', { exact: true }).inputValue()).toBe(`${target}-01`);
    expect(await filters.getByLabel('To', { exact: true }).inputValue()).toBe(
      `${target}-${String(lastDay).padStart(2, '0')}`,
    );
    const inMonth = drawn.filter((l) => l.date.startsWith(target)).length;
    await expect
      .poll(async () => (await lines()).filter((l) => l.shown).map((l) => l.date.slice(0, 7)))
      .toEqual(new Array<string>(inMonth).fill(target));
    expect(await filters.textContent()).toContain(`${drawn.length - inMonth} hidden by filters`);
    await shot('slider-02-one-month');

    // Typed dates move the handles back.
    await filters.getByLabel('From', { exact: true }).fill('');
    await filters.getByLabel('To', { exact: true }).fill('');
    await expect.poll(async () => (await lines()).every((l) => l.shown)).toBe(true);
    expect(await first.inputValue()).toBe('0');
    expect(await last.inputValue()).toBe(await last.getAttribute('max'));

    // Dragged with the mouse: the last month's handle, from its end to the middle of the track.
    const track = await last.boundingBox();
    if (!track) throw new Error('the slider has no bounding box');
    await page.mouse.move(track.x + track.width - 7, track.y + track.height / 2);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width / 2, track.y + track.height / 2, { steps: 8 });
    await page.mouse.up();
    const end = (await last.getAttribute('aria-valuetext')) ?? '';
    expect(Number(await last.inputValue())).toBeLessThan(Number(await last.getAttribute('max')));
    const to = await filters.getByLabel('To', { exact: true }).inputValue();
    expect(to.slice(0, 7)).toBe(end);
    expect(await filters.getByLabel('From', { exact: true }).inputValue()).toBe('');
    expect(drawn.some((l) => l.date > to) && drawn.some((l) => l.date <= to)).toBe(true);
    await expect
      .poll(async () => (await lines()).map((l) => l.shown))
      .toEqual(drawn.map((l) => l.date <= to));
    await shot('slider-03-dragged');
    expect(pageProblems).toEqual([]);
  });
});

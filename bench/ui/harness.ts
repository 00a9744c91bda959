// Serves the built explorer and a scripted API to a Chromium page without any network: the
// page's requests are answered by playwright's request routing.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import type { ApiEdge, ApiNode, TradeLinks } from '../../client/src/api/schemas.ts';

export const BENCH_ORIGIN = 'http://ringscope.bench';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

export interface ScriptedWorld {
  centre: ApiNode;
  nodes: ApiNode[];
  edges: ApiEdge[];
  /** The centre's trade links at a limit per role, for a world whose centre trades by links. */
  tradeLinks?: (limit: number) => TradeLinks;
}

export async function serveExplorer(page: Page, distDir: string, world: ScriptedWorld): Promise<void> {
  const json = (body: unknown) => ({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
  const answers: [RegExp, () => unknown][] = [
    [
      /^\/api\/auth\/me$/,
      () => ({ user: { username: 'bench', role: 'investigator', mustChangePassword: false } }),
    ],
    [/^\/api\/rings$/, () => ({ rings: [], total: 0 })],
    [
      /^\/api\/search$/,
      () => ({
        hits: [
          {
            key: world.centre.key,
            label: world.centre.label,
            id: world.centre.id,
            name: world.centre.name,
            match: 'name',
            matched: 'name',
          },
        ],
      }),
    ],
    [/\/neighbourhood$/, () => ({ nodes: world.nodes, edges: world.edges, truncated: false })],
    [/\/neighbours$/, () => ({ start: world.centre, nodes: [], edges: [], total: 0, next: null })],
    [
      /^\/api\/nodes\/[^/]+$/,
      () => ({
        node: { ...world.centre, source: null },
        risk: null,
        rings: [],
        shipments: {
          count: 0,
          truncated: false,
          totalValue: 0,
          first: null,
          last: null,
          timeline: [],
          series: [],
        },
      }),
    ],
  ];
  await page.route(`${BENCH_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/graph/trade-links' && world.tradeLinks) {
        await route.fulfill(json(world.tradeLinks(Number(url.searchParams.get('limit') ?? 50))));
        return;
      }
      const answer = answers.find(([pattern]) => pattern.test(url.pathname));
      await route.fulfill(answer ? json(answer[1]()) : { status: 404, body: '{}' });
      return;
    }
    const path = normalize(url.pathname === '/' ? '/index.html' : url.pathname);
    try {
      const body = await readFile(join(distDir, path));
      await route.fulfill({
        status: 200,
        contentType: TYPES[extname(path)] ?? 'application/octet-stream',
        body,
      });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
}

/** The start times of every mark of this name so far. */
export const marksOf = (page: Page, name: string): Promise<number[]> =>
  page.evaluate((mark) => performance.getEntriesByName(mark).map((e) => e.startTime), name);

/** Waits until the page has made `count` marks of this name. */
export async function waitForMarks(page: Page, name: string, count: number): Promise<void> {
  await page.waitForFunction(
    ({ mark, n }) => performance.getEntriesByName(mark).length >= n,
    { mark: name, n: count },
    { timeout: 60_000 },
  );
}

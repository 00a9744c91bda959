// Serves the built explorer and a scripted API to a Chromium page without any network: the
// page's requests are answered by playwright's request routing.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import type { ApiEdge, ApiNode } from '../../client/src/api/schemas.ts';

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
}

export async function serveExplorer(page: Page, distDir: string, world: ScriptedWorld): Promise<void> {
  const json = (body: unknown) => ({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
  const answers: [RegExp, () => unknown][] = [
    [/^\/api\/auth\/me$/, () => ({ user: { username: 'bench', role: 'investigator' } })],
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
          },
        ],
      }),
    ],
    [/\/neighbourhood$/, () => ({ nodes: world.nodes, edges: world.edges, truncated: false })],
    [
      /^\/api\/nodes\/[^/]+$/,
      () => ({
        node: { ...world.centre, source: null },
        risk: null,
        rings: [],
        shipments: { count: 0, truncated: false, totalValue: 0, first: null, last: null, series: [] },
      }),
    ],
  ];
  await page.route(`${BENCH_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/')) {
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

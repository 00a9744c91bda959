// The API bench's flood (bench/api.bench.ts): 32 clients of one account ask for the biggest hub's
// 2-hop neighbourhood while 4 clients of another account search and ask /api/auth/me; what
// everyone else sees, and whether every refusal of the flood said when to come back.
import autocannon from 'autocannon';

const FLOOD = { connections: 32, bystanders: 4, durationS: 15, timeoutS: 10, limit: 2000 };

type Run = Awaited<ReturnType<typeof autocannon>>;

function bystanderFigures(r: Run) {
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    errors: r.non2xx + r.errors,
  };
}

/** What became of the flood's requests: answered, refused 503 (with or without Retry-After), timed out. */
function floodFigures(f: Run, refusedWithoutRetryAfter: number) {
  const count = (status: string) => f.statusCodeStats?.[status as `${number}`]?.count ?? 0;
  const refused = count('503');
  return {
    answered: count('200'),
    refused503: refused,
    refusedWithoutRetryAfter,
    timedOut: f.timeouts,
    otherFailures: f.non2xx - refused + (f.errors - f.timeouts),
    p50: f.latency.p50,
    p99: f.latency.p99,
    max: f.latency.max,
  };
}

/**
 * The neighbourhood flood: 32 clients of one account ask for the biggest hub's 2-hop
 * neighbourhood (limit 2000) for 15 s while 4 clients of another account, 2 searching and 2
 * asking for /api/auth/me, measure what everyone else sees.
 */
export async function flood(
  url: string,
  adminCookie: string,
  otherCookie: string,
  targets: { biggestHubKey: string; searchTerms: readonly string[] },
): Promise<Record<string, unknown>> {
  const hub = encodeURIComponent(targets.biggestHubKey);
  let refusedWithoutRetryAfter = 0;
  const common = { url, duration: FLOOD.durationS, timeout: FLOOD.timeoutS };
  const others = { ...common, connections: FLOOD.bystanders / 2, headers: { cookie: otherCookie } };
  const [f, search, me] = await Promise.all([
    autocannon({
      ...common,
      connections: FLOOD.connections,
      headers: { cookie: adminCookie },
      requests: [
        {
          method: 'GET' as const,
          path: `/api/nodes/${hub}/neighbourhood?hops=2&limit=${FLOOD.limit}`,
          onResponse: (status, _body, _context, headers) => {
            const retryAfter = Object.keys(headers ?? {}).some((h) => h.toLowerCase() === 'retry-after');
            if (status === 503 && !retryAfter) refusedWithoutRetryAfter += 1;
          },
        },
      ],
    }),
    autocannon({
      ...others,
      requests: targets.searchTerms.map((q) => ({
        method: 'GET' as const,
        path: `/api/search?q=${encodeURIComponent(q)}&limit=10`,
      })),
    }),
    autocannon({ ...others, requests: [{ method: 'GET' as const, path: '/api/auth/me' }] }),
  ]);
  const b = [bystanderFigures(search), bystanderFigures(me)];
  return {
    hub: targets.biggestHubKey,
    limit: FLOOD.limit,
    search: b[0],
    me: b[1],
    bystanders: {
      p99: Math.max(...b.map((x) => x.p99)),
      max: Math.max(...b.map((x) => x.max)),
      errors: b.reduce((n, x) => n + x.errors, 0),
    },
    flood: floodFigures(f, refusedWithoutRetryAfter),
  };
}

export function printFlood(r: Record<string, unknown>, goalP99Ms: number): void {
  const b = r.bystanders as Record<string, number>;
  const f = r.flood as Record<string, number>;
  const met = b.p99! < goalP99Ms && b.errors === 0 && f.timedOut === 0 && f.refusedWithoutRetryAfter === 0;
  console.log(
    `\nflood: ${FLOOD.connections} clients × ${FLOOD.durationS} s on ${String(r.hub)} (2 hops, limit ${FLOOD.limit}) while ${FLOOD.bystanders} others search (2) and ask /api/auth/me (2)`,
  );
  for (const name of ['search', 'me'] as const) {
    const x = r[name] as Record<string, number>;
    console.log(
      `  others, ${name.padEnd(6)}: p50 ${x.p50} ms, p99 ${x.p99} ms, max ${x.max} ms, ${x.requests} requests, ${x.errors} errors`,
    );
  }
  console.log(
    `  flood: ${f.answered} answered, ${f.refused503} refused 503 (${f.refusedWithoutRetryAfter} without Retry-After), ${f.timedOut} timed out, ${f.otherFailures} other failures; all responses p50 ${f.p50} ms, p99 ${f.p99} ms, max ${f.max} ms`,
  );
  console.log(
    `  goal (others p99 < ${goalP99Ms} ms, no errors; flood never timed out, every 503 with Retry-After): ${met ? 'met' : 'NOT met'}`,
  );
}

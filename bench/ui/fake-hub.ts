// A synthetic trading hub for the UI benchmark: one broker declaring for many importers (the
// medium world's biggest broker has several hundred), answered as the API's trade links are:
// the largest `limit` links (by value) and the rest as one "more importers" group.
import type { ApiNode, TradeLinks } from '../../client/src/api/schemas.ts';
import { seededRng } from '../../src/model/rng.ts';

export interface FakeHub {
  centre: ApiNode;
  /** The importers with their aggregates, largest value first (the API's order). */
  partners: { other: ApiNode; lines: number; value: number; first: string; last: string }[];
}

export function fakeHub(partners: number, seed = 11): FakeHub {
  const random = seededRng(seed);
  const centre: ApiNode = {
    key: 'Broker:BR-HUB',
    label: 'Broker',
    id: 'BR-HUB',
    name: 'Hub Customs Services',
    props: {},
    risk: 0.6,
  };
  const list = Array.from({ length: partners }, (_, i) => {
    const id = `IM-${String(i).padStart(4, '0')}`;
    const lines = 1 + Math.floor(random() * 200);
    return {
      other: {
        key: `Importer:${id}`,
        label: 'Importer' as const,
        id,
        name: `Importer ${i} Trading`,
        props: {},
        risk: Math.round(random() * 100) / 100,
      },
      lines,
      value: Math.round(lines * (500 + random() * 20_000) * 100) / 100,
      first: '2023-01-02',
      last: '2025-12-30',
    };
  });
  list.sort((a, b) => b.value - a.value || a.other.key.localeCompare(b.other.key));
  return { centre, partners: list };
}

/** The trade-links answer for the hub at a limit per role. */
export function hubTradeLinks(hub: FakeHub, limit: number): TradeLinks {
  const shown = hub.partners.slice(0, limit);
  const rest = hub.partners.slice(limit);
  const sum = (f: (p: FakeHub['partners'][number]) => number) => rest.reduce((s, p) => s + f(p), 0);
  return {
    party: hub.centre,
    links: shown.map((p) => ({ id: `TRADES|${hub.centre.key}|${p.other.key}`, role: 'importer', ...p })),
    more:
      rest.length === 0
        ? []
        : [
            {
              role: 'importer',
              parties: rest.length,
              lines: sum((p) => p.lines),
              value: Math.round(sum((p) => p.value) * 100) / 100,
              first: '2023-01-02',
              last: '2025-12-30',
            },
          ],
  };
}

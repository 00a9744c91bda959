// The time slider's histogram: lines binned by month (drawn lines one each, an undrawn trade
// link's lines spread over its months), and month ranges turned into the filters' dates.
import { describe, expect, it } from 'vitest';
import { lineHistogram, rangeDates, rangeIndices } from '../../client/src/state/histogram.ts';
import { INITIAL_STATE, type ExplorerState, type TradeLink } from '../../client/src/state/types.ts';
import { party, shipment } from './fixtures.ts';

function withNodes(...nodes: ReturnType<typeof shipment>[]): ExplorerState {
  return { ...INITIAL_STATE, nodes: Object.fromEntries(nodes.map((n) => [n.key, n])) };
}

const tradeLink = (id: string, lines: number, first: string, last: string): TradeLink => ({
  id,
  source: 'Broker:B',
  target: 'Importer:A',
  role: 'importer',
  lines,
  value: 1000,
  first,
  last,
});

describe('lineHistogram', () => {
  it('is empty without dated lines', () => {
    expect(lineHistogram(INITIAL_STATE)).toEqual([]);
    expect(lineHistogram(withNodes(party('Importer:A'), shipment('D1/1', '', '85')))).toEqual([]);
  });

  it('counts drawn lines by month, with the empty months between them', () => {
    const state = withNodes(
      shipment('D1/1', '2024-01-05', '85'),
      shipment('D1/2', '2024-01-31', '85'),
      shipment('D2/1', '2024-04-01', '85'),
      party('Importer:A'),
    );
    expect(lineHistogram(state)).toEqual([
      { month: '2024-01', lines: 2 },
      { month: '2024-02', lines: 0 },
      { month: '2024-03', lines: 0 },
      { month: '2024-04', lines: 1 },
    ]);
  });

  it('leaves out hidden lines', () => {
    const state = {
      ...withNodes(shipment('D1/1', '2024-01-05', '85'), shipment('D2/1', '2024-03-01', '85')),
      hidden: ['Shipment:D2/1'],
    };
    expect(lineHistogram(state)).toEqual([{ month: '2024-01', lines: 1 }]);
  });

  it('spreads an undrawn link’s lines over its months, and skips a link whose lines are drawn', () => {
    const spread = tradeLink('TRADES|Broker:B|Importer:A', 6, '2023-11-20', '2024-01-02');
    const drawn = tradeLink('TRADES|Broker:B|Importer:C', 50, '2020-01-01', '2020-12-31');
    const state: ExplorerState = {
      ...withNodes(shipment('D1/1', '2024-01-05', '85')),
      links: { [spread.id]: spread, [drawn.id]: drawn },
      linkLines: { [drawn.id]: { added: ['Shipment:D1/1'], next: null } },
    };
    expect(lineHistogram(state)).toEqual([
      { month: '2023-11', lines: 2 },
      { month: '2023-12', lines: 2 },
      { month: '2024-01', lines: 3 },
    ]);
  });
});

describe('rangeDates and rangeIndices', () => {
  const bins = ['2023-11', '2023-12', '2024-01', '2024-02'].map((month) => ({ month, lines: 1 }));

  it('turns inner months into the first and last day of the range', () => {
    expect(rangeDates(bins, 1, 2)).toEqual({ dateFrom: '2023-12-01', dateTo: '2024-01-31' });
    expect(rangeDates(bins, 1, 1)).toEqual({ dateFrom: '2023-12-01', dateTo: '2023-12-31' });
    expect(rangeDates([...bins, { month: '2024-03', lines: 0 }], 3, 3)).toEqual({
      dateFrom: '2024-02-01',
      dateTo: '2024-02-29',
    });
  });

  it('leaves a side open when its handle is at the end, so the whole range filters nothing', () => {
    expect(rangeDates(bins, 0, 3)).toEqual({ dateFrom: '', dateTo: '' });
    expect(rangeDates(bins, 0, 1)).toEqual({ dateFrom: '', dateTo: '2023-12-31' });
    expect(rangeDates(bins, 2, 3)).toEqual({ dateFrom: '2024-01-01', dateTo: '' });
  });

  it('places the handles on the months of typed dates, clamped to the histogram', () => {
    expect(rangeIndices(bins, { dateFrom: '', dateTo: '' })).toEqual([0, 3]);
    expect(rangeIndices(bins, { dateFrom: '2023-12-15', dateTo: '2024-01-31' })).toEqual([1, 2]);
    expect(rangeIndices(bins, { dateFrom: '2020-01-01', dateTo: '2030-01-01' })).toEqual([0, 3]);
    expect(rangeIndices([], { dateFrom: '2024-01-01', dateTo: '' })).toEqual([0, 0]);
  });

  it('round-trips: the dates of a range put the handles back on it', () => {
    for (const [lo, hi] of [
      [0, 3],
      [1, 2],
      [0, 0],
      [3, 3],
    ] as const)
      expect(rangeIndices(bins, rangeDates(bins, lo, hi))).toEqual([lo, hi]);
  });
});

import { describe, expect, it } from 'vitest';
import { tradeByParty, tradeLinks } from '../../src/graph/trade.ts';
import { lineTable } from '../fixtures/lines.ts';

const BASE_WEIGHT = { broker: 0.5, consignee: 0.3, supplier: 0.2 };
const SPREAD_OVER_TWO = 1 / Math.log2(3);

/**
 * Two importers sharing broker B2 and supplier S1, a third apart with its own broker, and a line
 * naming no importer. I2 comes first, so party indices do not follow key order; dates are not
 * in order either.
 */
function trading() {
  return lineTable([
    { importerId: 'I2', brokerId: 'B2', supplierId: 'S1', date: '2025-04-01', customsValue: 400 },
    { importerId: 'I1', brokerId: 'B1', supplierId: 'S1', date: '2025-03-05', customsValue: 100 },
    {
      importerId: 'I1',
      brokerId: 'B1',
      consigneeId: 'C1',
      supplierId: 'S1',
      date: '2025-01-10',
      hsCode: '640391',
      originCountry: 'VN',
      customsValue: 200,
    },
    {
      importerId: 'I1',
      brokerId: 'B2',
      supplierId: 'S2',
      date: '2025-02-01',
      hsCode: '731815',
      originCountry: null,
      customsValue: 300,
    },
    { importerId: '', brokerId: 'B2', date: '2025-05-01', customsValue: 50 },
    { importerId: 'I3', brokerId: 'B3', hsCode: '851712', originCountry: 'DE', customsValue: 70 },
  ]);
}

describe('tradeByParty', () => {
  it('has no trade for an empty table', () => {
    expect(tradeByParty(lineTable([])).size).toBe(0);
  });

  it('adds up lines, value, dates, headings and origins per party, in order of first appearance', () => {
    const trade = tradeByParty(trading());
    expect([...trade.keys()]).toEqual([
      'Importer:I2',
      'Broker:B2',
      'Supplier:S1',
      'Importer:I1',
      'Broker:B1',
      'Consignee:C1',
      'Supplier:S2',
      'Importer:I3',
      'Broker:B3',
    ]);
    expect(trade.get('Importer:I1')).toEqual({
      lines: 3,
      totalValue: 600,
      firstDate: '2025-01-10',
      lastDate: '2025-03-05',
      hsHeadings: new Map([
        ['6403', 2],
        ['7318', 1],
      ]),
      origins: new Map([
        ['CN', 1],
        ['VN', 1],
      ]),
    });
    // B2 also brokered the line without an importer; a line of unknown origin counts no origin.
    expect(trade.get('Broker:B2')).toEqual({
      lines: 3,
      totalValue: 750,
      firstDate: '2025-02-01',
      lastDate: '2025-05-01',
      hsHeadings: new Map([
        ['6403', 2],
        ['7318', 1],
      ]),
      origins: new Map([['CN', 2]]),
    });
    expect(trade.get('Supplier:S1')).toMatchObject({
      lines: 3,
      totalValue: 700,
      firstDate: '2025-01-10',
      lastDate: '2025-04-01',
    });
    expect(trade.get('Supplier:S2')!.origins.size).toBe(0);
    expect(trade.get('Consignee:C1')).toMatchObject({ lines: 1, totalValue: 200 });
  });

  it('counts runs of one party and key, and keys stay in order of first appearance', () => {
    // I1's headings come back to 6403 after 7318 and 8517, with I2's lines and origin-less lines
    // in between; the broker's run spans both importers.
    const trade = tradeByParty(
      lineTable([
        { importerId: 'I1', brokerId: 'B', hsCode: '640399', originCountry: 'CN' },
        { importerId: 'I1', brokerId: 'B', hsCode: '640399', originCountry: null },
        { importerId: 'I2', brokerId: 'B', hsCode: '731815', originCountry: 'CN' },
        { importerId: 'I1', brokerId: 'B', hsCode: '731815', originCountry: 'VN' },
        { importerId: 'I1', hsCode: '640399', originCountry: 'CN' },
        { importerId: 'I1', hsCode: '851712', originCountry: null },
        { importerId: 'I1', hsCode: '640391', originCountry: 'VN' },
      ]),
    );
    expect([...trade.get('Importer:I1')!.hsHeadings]).toEqual([
      ['6403', 4],
      ['7318', 1],
      ['8517', 1],
    ]);
    expect([...trade.get('Importer:I1')!.origins]).toEqual([
      ['CN', 2],
      ['VN', 2],
    ]);
    expect([...trade.get('Broker:B')!.hsHeadings]).toEqual([
      ['6403', 2],
      ['7318', 2],
    ]);
    expect([...trade.get('Broker:B')!.origins]).toEqual([
      ['CN', 2],
      ['VN', 1],
    ]);
    expect([...trade.get('Importer:I2')!.origins]).toEqual([['CN', 1]]);
  });
});

describe('tradeLinks', () => {
  it('has no links for an empty table', () => {
    const lines = lineTable([]);
    expect(tradeLinks(lines, tradeByParty(lines), BASE_WEIGHT)).toEqual([]);
  });

  it('weights each importer–partner pair by its share of the importer’s lines and the partner’s reach', () => {
    const lines = trading();
    const links = tradeLinks(lines, tradeByParty(lines), BASE_WEIGHT);
    // Ordered by kind, importer key, partner key; the line without an importer links nobody.
    expect(links.map((l) => [l.kind, l.importerKey, l.partnerKey, l.lines])).toEqual([
      ['broker', 'Importer:I1', 'Broker:B1', 2],
      ['broker', 'Importer:I1', 'Broker:B2', 1],
      ['broker', 'Importer:I2', 'Broker:B2', 1],
      ['broker', 'Importer:I3', 'Broker:B3', 1],
      ['consignee', 'Importer:I1', 'Consignee:C1', 1],
      ['supplier', 'Importer:I1', 'Supplier:S1', 2],
      ['supplier', 'Importer:I1', 'Supplier:S2', 1],
      ['supplier', 'Importer:I2', 'Supplier:S1', 1],
    ]);
    // I1 has 3 lines, I2 and I3 one each; B2 and S1 serve two importers, the others one.
    const weights = [
      0.5 * (2 / 3),
      0.5 * (1 / 3) * SPREAD_OVER_TWO,
      0.5 * SPREAD_OVER_TWO,
      0.5,
      0.3 * (1 / 3),
      0.2 * (2 / 3) * SPREAD_OVER_TWO,
      0.2 * (1 / 3),
      0.2 * SPREAD_OVER_TWO,
    ];
    weights.forEach((weight, i) => expect(links[i]!.weight).toBeCloseTo(weight, 12));
  });
});

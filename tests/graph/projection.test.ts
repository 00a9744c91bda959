import { describe, expect, it } from 'vitest';
import { projectDetectionView, type ProjectionSource } from '../../src/graph/projection.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';

describe('projectDetectionView', () => {
  it('projects an empty store into an empty view', async () => {
    const view = await new World().view();
    expect(view.graph.order).toBe(0);
    expect(view.lines.size).toBe(0);
  });

  it('links firms through shared identifiers, damped by how many share them, and ignores hubs', async () => {
    const w = new World();
    const a = w.party('Importer', 'A');
    const b = w.party('Importer', 'B');
    w.has(a, 'Phone', '+1 pair');
    w.has(b, 'Phone', '+1 pair');
    for (let i = 0; i < 30; i++) w.has(w.party('Importer', `H${i}`), 'Address', 'registered agent');
    w.has(a, 'Address', 'registered agent');
    const view = await w.view({ maxIdentifierHolders: 25 });
    const edge = view.graph.getEdgeAttributes('Importer:A', 'Importer:B');
    expect(edge.links.map((l) => l.kind)).toEqual(['phone']);
    expect(edge.weight).toBeCloseTo(0.8 / Math.log2(3), 10);
    expect(edge.links[0]!.rels).toEqual([
      'HAS_PHONE|Importer:A|Phone:+1 pair',
      'HAS_PHONE|Importer:B|Phone:+1 pair',
    ]);
    expect(view.graph.degree('Importer:H0')).toBe(0);
    expect(view.identifiers.get('Address:registered agent')!.holders).toHaveLength(31);
  });

  it('keeps only the identifiers two or more parties hold', async () => {
    const w = new World();
    const a = w.party('Importer', 'A');
    const b = w.party('Importer', 'B');
    w.has(a, 'Phone', '+1 pair');
    w.has(b, 'Phone', '+1 pair');
    w.has(a, 'Email', 'a@only.example');
    const view = await w.view();
    expect([...view.identifiers.keys()]).toEqual(['Phone:+1 pair']);
    expect(view.identifiers.get('Phone:+1 pair')!.holders.map((h) => h.key)).toEqual([
      'Importer:A',
      'Importer:B',
    ]);
  });

  it('weights an importer-broker link by the share of lines and the broker’s reach', async () => {
    const w = new World();
    w.ship({ importerId: 'I1', brokerId: 'B1' });
    w.ship({ importerId: 'I1', brokerId: 'B1' });
    w.ship({ importerId: 'I1', brokerId: 'B2' });
    w.ship({ importerId: 'I2', brokerId: 'B2' });
    const view = await w.view();
    const small = view.graph.getEdgeAttributes('Importer:I1', 'Broker:B1');
    const shared = view.graph.getEdgeAttributes('Importer:I1', 'Broker:B2');
    expect(small.links[0]).toMatchObject({ kind: 'broker', lines: 2 });
    expect(small.weight).toBeCloseTo(0.5 * (2 / 3), 10);
    expect(shared.weight).toBeCloseTo(0.5 * (1 / 3) * (1 / Math.log2(3)), 10);
  });

  it('keeps only the window’s lines and aggregates them per party', async () => {
    const w = new World();
    w.ship({ importerId: 'I1', date: '2024-12-31', customsValue: 5 });
    w.ship({ importerId: 'I1', date: '2025-02-01', customsValue: 100, originCountry: 'VN' });
    w.ship({ importerId: 'I1', date: '2025-03-01', customsValue: 50 });
    const view = await w.view({ window: { from: '2025-01-01', to: '2025-12-31' } });
    expect(view.lines.size).toBe(2);
    const trade = view.trade.get('Importer:I1')!;
    expect(trade).toMatchObject({
      lines: 2,
      totalValue: 150,
      firstDate: '2025-02-01',
      lastDate: '2025-03-01',
    });
    expect([...trade.origins]).toEqual([
      ['VN', 1],
      ['CN', 1],
    ]);
  });

  it('scores unit values against the robust median of their heading and origin', async () => {
    const w = new World();
    legitimateTrade(w, 10, 5);
    w.ship({ importerId: 'LOW', date: isoDay(5), netMassKg: 100, customsValue: 300 });
    const view = await w.view();
    const i = view.lines.declarationId.findIndex(
      (_d, k) => view.lines.partyKeys[view.lines.importer[k]!] === 'Importer:LOW',
    );
    expect(view.lines.unitValue[i]).toBe(3);
    expect(view.lines.unitValueZScore[i]).toBeLessThan(-3);
    expect(view.lines.expectedValue[i]).toBeGreaterThan(800);
    expect(view.dutyRates.get('6403|CN')).toBeCloseTo(0.1, 6);
  });

  it('holds more lines than one column chunk, each value in place, unknown duty as NaN', async () => {
    const w = new World();
    const count = 2500;
    for (let k = 0; k < count; k++) {
      w.ship({
        importerId: `I${k % 7}`,
        declarationId: `D${Math.floor(k / 2)}`,
        line: (k % 2) + 1,
        customsValue: 1000 + k,
        dutyRate: k === 1234 ? null : 0.1,
        dutyPaid: k === 1234 ? null : 100,
      });
    }
    const view = await w.view();
    const { lines } = view;
    expect(lines.size).toBe(count);
    expect(lines.customsValue).toHaveLength(count);
    expect(lines.importer).toHaveLength(count);
    const values = [...lines.customsValue].sort((x, y) => x - y);
    expect(values[0]).toBe(1000);
    expect(values.at(-1)).toBe(1000 + count - 1);
    const unknown = lines.customsValue.indexOf(1000 + 1234);
    expect(lines.dutyRate[unknown]).toBeNaN();
    expect(lines.dutyPaid[unknown]).toBeNaN();
    expect(lines.dutyRate[(unknown + 1) % count]).toBe(0.1);
    for (let i = 0; i < count; i++) {
      expect(lines.partyKeys[lines.importer[i]!]).toBe(`Importer:I${(lines.customsValue[i]! - 1000) % 7}`);
      expect(lines.line[i]).toBe(((lines.customsValue[i]! - 1000) % 2) + 1);
    }
  });

  it('gives the same line table whether the store’s line count is missing, too low or too high', async () => {
    const w = new World();
    for (let k = 0; k < 40; k++) w.ship({ importerId: `I${k % 3}`, customsValue: 500 + k, line: k + 1 });
    const counted = (shipments: number): ProjectionSource => ({
      streamNodes: (labels) => w.streamNodes(labels),
      streamRels: (types) => w.streamRels(types),
      streamShipments: () => w.streamShipments(),
      counts: () => Promise.resolve({ nodes: { Shipment: shipments }, rels: {} }),
    });
    const plain = (await w.view()).lines;
    for (const shipments of [5, 40, 5000]) {
      const { lines } = await projectDetectionView(counted(shipments));
      expect(lines.size).toBe(40);
      expect(lines.customsValue).toHaveLength(40);
      expect([...lines.customsValue]).toEqual([...plain.customsValue]);
      expect([...lines.line]).toEqual([...plain.line]);
      expect([...lines.importer]).toEqual([...plain.importer]);
    }
  });

  it('keeps a line whose importer is absent (empty id) without inventing a party', async () => {
    const w = new World();
    w.ship({ importerId: '', brokerId: 'B1', supplierId: 'S1' });
    w.ship({ importerId: 'I1', brokerId: 'B1', supplierId: 'S1' });
    const view = await w.view();
    expect(view.lines.size).toBe(2);
    expect(view.lines.importer[0]).toBe(-1);
    expect(view.graph.nodes().sort()).toEqual(['Broker:B1', 'Importer:I1', 'Supplier:S1']);
    expect(view.trade.get('Broker:B1')?.lines).toBe(2);
    expect(view.graph.getEdgeAttributes('Importer:I1', 'Broker:B1').links[0]).toMatchObject({ lines: 1 });
  });

  it('orders trade links by kind, importer and partner whatever the order of the lines', async () => {
    const build = async (reverse: boolean) => {
      const w = new World();
      const rows = [
        { importerId: 'I2', brokerId: 'B1', consigneeId: 'C1' },
        { importerId: 'I1', brokerId: 'B2', supplierId: 'S1' },
        { importerId: 'I10', brokerId: 'B1', supplierId: 'S1' },
      ];
      // Dates follow the listed order, so the store streams the lines in that order.
      (reverse ? rows.reverse() : rows).forEach((row, i) => w.ship({ ...row, date: isoDay(i) }));
      return (await w.view()).graph.mapEdges(
        (_e, a, s, t) => `${s}-${t}:${a.links.map((l) => l.kind).join('+')}`,
      );
    };
    const edges = await build(false);
    expect(edges).toEqual(await build(true));
    expect(edges).toEqual([
      'Importer:I1-Broker:B2:broker',
      'Importer:I10-Broker:B1:broker',
      'Importer:I2-Broker:B1:broker',
      'Importer:I2-Consignee:C1:consignee',
      'Importer:I1-Supplier:S1:supplier',
      'Importer:I10-Supplier:S1:supplier',
    ]);
  });
});

// The exported picture's pure parts: its layout (header, canvas image, legend) and the legend's
// items (the kinds on the canvas, in the explorer legend's colours), and the default title.
import { describe, expect, it } from 'vitest';
import { EXPORT_SCALE, exportLayout } from '../../client/src/panels/png/compose.ts';
import { defaultTitle } from '../../client/src/panels/png/ExportPng.tsx';
import { legendItems } from '../../client/src/panels/png/legend-items.ts';
import { INITIAL_STATE, type ExplorerState } from '../../client/src/state/types.ts';
import { link, party, ringDetail, shipment } from './fixtures.ts';

describe('exportLayout', () => {
  it('puts a header above and a legend below the canvas image', () => {
    expect(EXPORT_SCALE).toBe(2);
    // 2000 px wide: (2000 − 64) / 460 → 4 columns; 6 items → 2 rows; (32 + 22 + 44) × 2 = 196.
    expect(exportLayout({ width: 2000, height: 1000 }, 6)).toEqual({
      width: 2000,
      height: 152 + 1000 + 196,
      header: 152,
      legend: 196,
      columns: 4,
    });
  });

  it('widens a narrow image to the minimum width and leaves out an empty legend', () => {
    expect(exportLayout({ width: 300, height: 200 }, 0)).toEqual({
      width: 1280,
      height: 152 + 200,
      header: 152,
      legend: 0,
      columns: 2,
    });
  });
});

describe('legendItems', () => {
  it('lists only the kinds on the canvas and not hidden', () => {
    const a = party('Importer:A');
    const b = party('Broker:B');
    const s = shipment('D1/1', '2024-01-01', '85');
    const addr = party('Address:1 main st');
    const state: ExplorerState = {
      ...INITIAL_STATE,
      nodes: { [a.key]: a, [b.key]: b, [s.key]: s, [addr.key]: addr },
      edges: Object.fromEntries(
        [link('DECLARED_BY', s.key, b.key), link('HAS_ADDRESS', a.key, addr.key)].map((e) => [e.id, e]),
      ),
      hidden: [addr.key],
    };
    expect(legendItems(state).map((i) => `${i.kind}:${i.title}`)).toEqual([
      'node:Importer',
      'node:Broker',
      'node:Declaration line',
      'link:Line declared by',
    ]);
    // In the canvas's colour and shape.
    expect(legendItems(state)[1]).toEqual({
      kind: 'node',
      title: 'Broker',
      color: '#8250df',
      shape: 'hexagon',
    });
    expect(legendItems(INITIAL_STATE)).toEqual([]);
  });

  it('lists trade links and groups when there are some', () => {
    const a = party('Importer:A');
    const b = party('Broker:B');
    const state: ExplorerState = {
      ...INITIAL_STATE,
      nodes: { [a.key]: a, [b.key]: b },
      links: {
        'TRADES|Broker:B|Importer:A': {
          id: 'TRADES|Broker:B|Importer:A',
          source: b.key,
          target: a.key,
          role: 'importer',
          lines: 3,
          value: 10,
          first: '2024-01-01',
          last: '2024-02-01',
        },
      },
      groups: {
        'GROUP|Broker:B|importer': {
          id: 'GROUP|Broker:B|importer',
          party: b.key,
          role: 'importer',
          parties: 9,
          lines: 20,
          value: 100,
          first: '2024-01-01',
          last: '2024-03-01',
        },
      },
    };
    expect(legendItems(state).map((i) => i.title)).toEqual([
      'Importer',
      'Broker',
      'More parties (a group)',
      'Trade link (width: value)',
      'To a group',
    ]);
  });
});

describe('defaultTitle', () => {
  it('names the open ring, else the open investigation, else the network', () => {
    expect(defaultTitle({ ...INITIAL_STATE, openRing: ringDetail() }, 'Case 12')).toBe(
      'Ring R-shared_identifiers-1 (shared identifiers)',
    );
    expect(defaultTitle(INITIAL_STATE, 'Case 12')).toBe('Case 12');
    expect(defaultTitle(INITIAL_STATE, null)).toBe('Ringscope network');
  });
});

import { describe, expect, it } from 'vitest';
import { foldOverlaps } from '../../src/detection/fold-overlaps.ts';
import { ring } from './rings.ts';

describe('foldOverlaps', () => {
  it('folds a scheme ring into the more specific scheme that holds most of its members', () => {
    const shells = ring('R-si', 'shared_identifiers', 0.7, ['A', 'B', 'C']);
    const under = ring('R-uv', 'undervaluation', 0.9, ['A', 'B', 'C', 'S'], 500);
    const kept = foldOverlaps([under, shells]);
    expect(kept.map((r) => r.id)).toEqual(['R-si']);
    expect(kept[0]!.revenueAtRisk).toBe(500);
    expect(kept[0]!.explanation).toBe(
      'R-si; estimated revenue at risk 500; also seen as undervaluation (R-uv)',
    );
  });

  it('keeps rings that share few members', () => {
    const kept = foldOverlaps([
      ring('X', 'phoenix', 0.9, ['A', 'B', 'C']),
      ring('Y', 'broker_centred', 0.8, ['C', 'D', 'E']),
    ]);
    expect(kept.map((r) => r.id)).toEqual(['X', 'Y']);
  });

  it('folds a scheme ring made mostly of members of several more specific rings into the closest', () => {
    const left = ring('B-left', 'broker_centred', 0.9, ['A', 'B', 'C', 'X']);
    const right = ring('B-right', 'broker_centred', 0.8, ['D', 'E', 'F', 'Y']);
    const spread = ring('U-spread', 'undervaluation', 0.95, ['A', 'D', 'E', 'S'], 70);
    const apart = ring('U-apart', 'undervaluation', 0.7, ['B', 'F', 'S2', 'S3']);
    const kept = foldOverlaps([spread, left, right, apart]);
    expect(kept.map((r) => r.id)).toEqual(['B-left', 'B-right', 'U-apart']);
    expect(kept[1]!.explanation).toBe(
      'B-right; estimated revenue at risk 70; also seen as undervaluation (U-spread)',
    );
    expect(kept[1]!.revenueAtRisk).toBe(70);
  });

  it('leaves the rings it is given unchanged and returns new objects for the hosts', () => {
    const shells = ring('R-si', 'shared_identifiers', 0.7, ['A', 'B', 'C']);
    const under = ring('R-uv', 'undervaluation', 0.9, ['A', 'B', 'C', 'S'], 500);
    const before = structuredClone([shells, under]);
    const kept = foldOverlaps([under, shells]);
    expect([shells, under]).toEqual(before);
    expect(kept[0]).not.toBe(shells);
    expect(kept[0]!.explanation).toBe(
      'R-si; estimated revenue at risk 500; also seen as undervaluation (R-uv)',
    );
  });
});

describe('foldOverlaps on revenue at risk', () => {
  it('states the folded figure in place of the host ring’s own', () => {
    const shells = {
      ...ring('R-si', 'shared_identifiers', 0.7, ['A', 'B', 'C'], 12_000),
      explanation: '3 importers share one phone; estimated revenue at risk 12.0 k',
    };
    const under = ring('R-uv', 'undervaluation', 0.9, ['A', 'B', 'C', 'S'], 1_540_000);
    const [kept] = foldOverlaps([under, shells]);
    expect(kept!.revenueAtRisk).toBe(1_540_000);
    expect(kept!.explanation).toBe(
      '3 importers share one phone; estimated revenue at risk 1.5 M; also seen as undervaluation (R-uv)',
    );
  });

  it('keeps the host’s explanation when its own figure is the larger', () => {
    const shells = {
      ...ring('R-si', 'shared_identifiers', 0.7, ['A', 'B', 'C'], 12_000),
      explanation: '3 importers share one phone; estimated revenue at risk 12.0 k',
    };
    const [kept] = foldOverlaps([ring('R-uv', 'undervaluation', 0.9, ['A', 'B', 'C'], 900), shells]);
    expect(kept!.explanation).toBe(
      '3 importers share one phone; estimated revenue at risk 12.0 k; also seen as undervaluation (R-uv)',
    );
  });
});

describe('foldOverlaps on a forwarder’s origin scheme', () => {
  it('folds the forwarder’s broker ring into the origin ring of the same importers', () => {
    const forwarder = {
      ...ring('R-bc', 'broker_centred', 0.9, ['A', 'B', 'C', 'D']),
      members: ['FWD', 'A', 'B', 'C', 'D'].map((id) => ({ label: 'Importer' as const, id, role: 'client' })),
    };
    const origin = ring('R-om', 'origin_misdeclaration', 0.6, ['A', 'B', 'C', 'D', 'S1']);
    const kept = foldOverlaps([forwarder, origin]);
    expect(kept.map((r) => r.id)).toEqual(['R-om']);
    expect(kept[0]!.explanation).toBe('R-om; also seen as broker centred (R-bc)');
  });
});

describe('foldOverlaps on parties of kinds one ring cannot name', () => {
  it('compares a broker ring and an undervaluation ring on the importers they both name', () => {
    const party = (label: 'Importer' | 'Broker' | 'Supplier', id: string) => ({ label, id, role: 'member' });
    const broker = {
      ...ring('R-bc', 'broker_centred', 0.9, []),
      members: [party('Broker', 'BR'), ...['A', 'B', 'C', 'D', 'E'].map((id) => party('Importer', id))],
    };
    const under = {
      ...ring('R-uv', 'undervaluation', 0.95, [], 300),
      members: [
        party('Importer', 'A'),
        party('Importer', 'B'),
        party('Importer', 'X'),
        party('Supplier', 'S'),
      ],
    };
    const kept = foldOverlaps([under, broker]);
    expect(kept.map((r) => r.id)).toEqual(['R-bc']);
    expect(kept[0]!.revenueAtRisk).toBe(300);
    // With a fourth importer of its own, two in common are no longer most of its importers.
    const apart = { ...under, members: [...under.members, party('Importer', 'Y')] };
    expect(foldOverlaps([apart, broker]).map((r) => r.id)).toEqual(['R-uv', 'R-bc']);
  });
});

describe('foldOverlaps on communities', () => {
  it('folds a community that is a scheme ring’s firms again into that ring', () => {
    const shells = ring('R-si', 'shared_identifiers', 0.7, ['A', 'B', 'C']);
    const network = ring('R-co', 'community', 0.8, ['A', 'B', 'C', 'P']);
    const kept = foldOverlaps([network, shells]);
    expect(kept.map((r) => r.id)).toEqual(['R-si']);
    expect(kept[0]!.explanation).toBe('R-si; also seen as community (R-co)');
  });

  it('keeps a community of other firms, and never folds a scheme ring into a community', () => {
    const network = ring('R-co', 'community', 0.8, ['A', 'B', 'C']);
    const elsewhere = ring('R-co2', 'community', 0.6, ['X', 'Y', 'Z']);
    const shells = ring('R-si', 'shared_identifiers', 0.7, ['X', 'Q', 'R', 'S']);
    const kept = foldOverlaps([network, elsewhere, shells]);
    expect(kept.map((r) => r.id)).toEqual(['R-co', 'R-si', 'R-co2']);
  });
});

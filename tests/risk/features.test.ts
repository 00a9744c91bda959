import { describe, expect, it } from 'vitest';
import { buildMatrix, featureSpecs, fitFeatures, foldsOf } from '../../src/risk/features.ts';
import { riskLines } from './lines.ts';

const column = (name: string, attributes: string[] = []): number =>
  featureSpecs({ folds: 5, smoothing: 10, attributes, seed: 1 }).findIndex((s) => s.name === name);

describe('risk features', () => {
  it('never reads a line’s own label: flipping it leaves its own encoded history unchanged', () => {
    const lines = riskLines(2000, 1);
    const before = fitFeatures(lines).matrix;
    const history = ['importerRate', 'declarantRate', 'sellerRate', 'hs6Rate', 'hs4Rate'].map((n) =>
      column(n),
    );
    for (const row of [0, 17, 999]) {
      const flipped = lines.map((l, i) => (i === row ? { ...l, label: !l.label } : l));
      const after = fitFeatures(flipped).matrix;
      for (const c of history) expect(after.columns[c]![row]).toBe(before.columns[c]![row]);
      // The label does reach the other folds' lines of the same importer.
      const fold = foldsOf(lines.length, 5, 1);
      const peer = lines.findIndex(
        (l, i) => i !== row && l.importerId === lines[row]!.importerId && fold[i] !== fold[row],
      );
      if (peer >= 0)
        expect(after.columns[column('importerRate')]![peer]).not.toBe(
          before.columns[column('importerRate')]![peer],
        );
    }
  });

  it('encodes lines scored later with the whole training history, unseen parties at the base rate', () => {
    const lines = riskLines(1000, 2);
    const { plan } = fitFeatures(lines);
    const fresh = { ...lines[0]!, importerId: 'never-seen', label: null };
    const m = buildMatrix(plan, [lines[0]!, fresh]);
    const rate = column('importerRate');
    const [n, frauds] = plan.histories.importer![lines[0]!.importerId!]!;
    expect(m.columns[rate]![0]).toBeCloseTo((frauds + 10 * plan.baseRate) / (n + 10), 12);
    expect(m.columns[rate]![1]).toBeCloseTo(plan.baseRate, 12);
  });

  it('never reads the labels of lines it scores: a test label cannot become a feature', () => {
    const { plan } = fitFeatures(riskLines(1000, 5));
    const test = riskLines(300, 6);
    const a = buildMatrix(plan, test);
    const b = buildMatrix(
      plan,
      test.map((l) => ({ ...l, label: !l.label })),
    );
    expect(b.columns).toEqual(a.columns);
  });

  it('leaves unlabelled lines out of training: an uninspected line is not a clean one', () => {
    const lines = riskLines(500, 3).map((l, i) => (i % 2 ? { ...l, label: null } : l));
    const { labels, plan } = fitFeatures(lines);
    expect(labels.length).toBe(250);
    const seen = Object.values(plan.histories.importer!).reduce((a, [n]) => a + n, 0);
    expect(seen).toBe(250);
  });

  it('codes procedure attributes as categories and rejects fewer than 2 folds', () => {
    const lines = riskLines(300, 4);
    const { matrix, specs } = fitFeatures(lines, { attributes: ['Process Type'] });
    const c = specs.findIndex((s) => s.name === 'attr:Process Type');
    expect(specs[c]!.kind).toBe('categorical');
    expect(new Set(matrix.columns[c])).toEqual(new Set([0, 1]));
    expect(() => fitFeatures(lines, { folds: 1 })).toThrow(/at least 2 folds/);
  });
});

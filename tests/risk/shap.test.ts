import { describe, expect, it } from 'vitest';
import { binMatrix, type FeatureMatrix, type FeatureSpec } from '../../src/risk/binning.ts';
import { predictRaw, trainGbdt, type GbdtModel } from '../../src/risk/gbdt.ts';
import { expectedValue, shapValues, treeExplainer } from '../../src/risk/shap.ts';
import { MAX_TABLE_FEATURES, tableTrees } from '../../src/risk/shap-table.ts';
import { goesLeft, TreeBuilder, type Tree } from '../../src/risk/tree.ts';
import { seededRng } from '../../src/model/rng.ts';

function randomData(
  rows: number,
  seed: number,
): { specs: FeatureSpec[]; matrix: FeatureMatrix; labels: Uint8Array } {
  const rng = seededRng(seed);
  const specs: FeatureSpec[] = [
    { name: 'value', kind: 'numeric' },
    { name: 'office', kind: 'categorical' },
    { name: 'mass', kind: 'numeric' },
    { name: 'noise', kind: 'numeric' },
  ];
  const columns = specs.map(() => new Float64Array(rows));
  const labels = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    columns[0]![r] = rng() < 0.05 ? Number.NaN : rng() * 10;
    columns[1]![r] = Math.floor(rng() * 12);
    columns[2]![r] = rng();
    columns[3]![r] = rng();
    const z =
      columns[0]![r]! / 3 -
      1.5 +
      (columns[1]![r]! % 4 === 1 ? 1.2 : 0) +
      columns[2]![r]! * columns[0]![r]! * 0.1;
    labels[r] = rng() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { specs, matrix: { rows, columns }, labels };
}

/** The tree's expected output when only the features in `known` are known (cover-weighted). */
function conditional(tree: Tree, bins: Uint8Array, offset: number, known: Set<number>, node = 0): number {
  const f = tree.feature[node]!;
  if (f < 0) return tree.value[node]!;
  const l = tree.left[node]!;
  const r = tree.right[node]!;
  if (known.has(f))
    return conditional(tree, bins, offset, known, goesLeft(tree, node, bins[offset + f]!) ? l : r);
  const c = tree.cover[node]!;
  return (
    (tree.cover[l]! / c) * conditional(tree, bins, offset, known, l) +
    (tree.cover[r]! / c) * conditional(tree, bins, offset, known, r)
  );
}

function bruteForceShapley(model: GbdtModel, bins: Uint8Array, row: number): number[] {
  const nf = model.features.length;
  const value = (mask: number): number => {
    const known = new Set([...Array(nf).keys()].filter((f) => mask & (1 << f)));
    return model.trees.reduce((s, t) => s + conditional(t, bins, row * nf, known), model.baseScore);
  };
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  return [...Array(nf).keys()].map((i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << nf; mask++) {
      if (mask & (1 << i)) continue;
      const size = [...Array(nf).keys()].filter((f) => mask & (1 << f)).length;
      phi += ((fact(size) * fact(nf - size - 1)) / fact(nf)) * (value(mask | (1 << i)) - value(mask));
    }
    return phi;
  });
}

describe('TreeSHAP', () => {
  it('adds up to each row’s log-odds to 1e-6 on random data', () => {
    const { specs, matrix, labels } = randomData(3000, 7);
    const model = trainGbdt(specs, matrix, labels, {
      iterations: 40,
      maxLeaves: 15,
      minSamplesLeaf: 5,
      seed: 3,
    });
    const raw = predictRaw(model, matrix);
    const { expected, phi } = shapValues(model, matrix);
    for (let r = 0; r < matrix.rows; r++) {
      const sum = phi[r]!.reduce((a, b) => a + b, expected);
      expect(Math.abs(sum - raw[r]!)).toBeLessThan(1e-6);
    }
  });

  it('equals brute-force Shapley values on a tiny model with 3 features', () => {
    const { specs, matrix, labels } = randomData(600, 11);
    const three = { rows: matrix.rows, columns: matrix.columns.slice(0, 3) };
    const model = trainGbdt(specs.slice(0, 3), three, labels, {
      iterations: 5,
      maxLeaves: 6,
      minSamplesLeaf: 10,
    });
    const bins = binMatrix(model.features, three);
    const { phi } = shapValues(model, three);
    for (let r = 0; r < 25; r++) {
      const exact = bruteForceShapley(model, bins, r);
      exact.forEach((v, f) => expect(phi[r]![f]!).toBeCloseTo(v, 9));
    }
    const raw = predictRaw(model, three);
    const sum = bruteForceShapley(model, bins, 0).reduce((a, b) => a + b, expectedValue(model));
    expect(sum).toBeCloseTo(raw[0]!, 9);
  });

  it('answers the same contributions into a reused buffer as into a new one, row after row', () => {
    const { specs, matrix, labels } = randomData(500, 5);
    const model = trainGbdt(specs, matrix, labels, { iterations: 20, maxLeaves: 15, minSamplesLeaf: 5 });
    const bins = binMatrix(model.features, matrix);
    const explain = treeExplainer(model);
    const buffer = new Float64Array(model.features.length);
    const { phi } = shapValues(model, matrix);
    for (let r = 0; r < 50; r++) {
      expect(explain(bins, r, buffer)).toBe(buffer);
      expect(Array.from(buffer)).toEqual(Array.from(phi[r]!));
    }
  });

  it('gives from leaf tables the path algorithm’s contributions (1e-12) on deep leaf-wise trees', () => {
    const { specs, matrix, labels } = randomData(3000, 13);
    const model = trainGbdt(specs, matrix, labels, { iterations: 30, maxLeaves: 31, minSamplesLeaf: 5 });
    expect(tableTrees(model.trees).walked).toEqual([]);
    const bins = binMatrix(model.features, matrix);
    const tables = treeExplainer(model);
    const paths = treeExplainer(model, { tables: false });
    const raw = predictRaw(model, matrix);
    const expected = expectedValue(model);
    for (let r = 0; r < 300; r++) {
      const fast = tables(bins, r);
      const slow = paths(bins, r);
      fast.forEach((v, f) => expect(Math.abs(v - slow[f]!)).toBeLessThan(1e-12));
      expect(Math.abs(fast.reduce((a, b) => a + b, expected) - raw[r]!)).toBeLessThan(1e-9);
    }
  });

  it('explains several rows together exactly as one by one, into buffers it zeroes first', () => {
    const { specs, matrix, labels } = randomData(800, 17);
    const model = trainGbdt(specs, matrix, labels, { iterations: 25, maxLeaves: 31, minSamplesLeaf: 5 });
    const bins = binMatrix(model.features, matrix);
    const explain = treeExplainer(model);
    const rows = [3, 0, 411, 27, 27, 799, 150, 64, 9];
    const outs = rows.map(() => new Float64Array(model.features.length).fill(5));
    explain.rows(bins, rows, outs);
    rows.forEach((row, i) => expect(Array.from(outs[i]!)).toEqual(Array.from(explain(bins, row))));
  });

  it('explains a tree too deep for tables with the path algorithm, beside tabled trees', () => {
    // A chain splitting on MAX_TABLE_FEATURES + 1 features, each sending bins ≤ 0 left to a leaf.
    const nf = MAX_TABLE_FEATURES + 1;
    const chain = new TreeBuilder(1024);
    let node = 0;
    for (let f = 0; f < nf; f++) {
      const cover = 1024 / 2 ** (f + 1);
      const [left, right] = chain.split(node, f, { threshold: 0 }, [cover, cover]);
      chain.setValue(left, (f % 3) - 1);
      node = right;
    }
    chain.setValue(node, 2);
    const shallow = new TreeBuilder(10);
    const [l, r] = shallow.split(0, 2, { threshold: 0 }, [4, 6]);
    shallow.setValue(l, -0.5);
    shallow.setValue(r, 0.75);
    const trees = [chain.freeze(), shallow.freeze()];
    const features = [...Array(nf).keys()].map((f) => ({
      name: `f${f}`,
      kind: 'numeric' as const,
      edges: [0.5],
    }));
    const model: GbdtModel = { features, baseScore: 0.1, trees, params: {} as GbdtModel['params'] };
    expect(tableTrees(trees)).toEqual({ tabled: [trees[1]], walked: [trees[0]] });
    const explain = treeExplainer(model);
    // Row 0 takes every right branch; row 1 stops at the fifth split.
    const bins = Uint8Array.from([...Array<number>(nf).fill(1), ...[1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1]]);
    for (const row of [0, 1]) {
      const exact = bruteForceShapley(model, bins, row);
      explain(bins, row).forEach((v, f) => expect(v).toBeCloseTo(exact[f]!, 9));
    }
  });
});

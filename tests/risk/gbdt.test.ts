import { describe, expect, it } from 'vitest';
import { quantileEdges } from '../../src/risk/binning.ts';
import { GBDT_SCHEMA_VERSION, gbdtFromJson, gbdtToJson } from '../../src/risk/gbdt-json.ts';
import { predictProbability, predictRaw, trainGbdt } from '../../src/risk/gbdt.ts';
import { buildMatrix, fitFeatures } from '../../src/risk/features.ts';
import { riskLines } from './lines.ts';

function fitted(seed = 1, options = {}) {
  const { plan, matrix, labels, specs } = fitFeatures(riskLines(3000, 5));
  return {
    plan,
    matrix,
    labels,
    model: trainGbdt(specs, matrix, labels, { iterations: 60, seed, ...options }),
  };
}

describe('gradient-boosted trees', () => {
  it('learns the planted risk: held-out fraud lines score above clean ones', () => {
    const { plan, model } = fitted();
    const test = riskLines(2000, 6);
    const p = predictProbability(model, buildMatrix(plan, test));
    const mean = (want: boolean) => {
      const xs = test.flatMap((l, i) => (l.label === want ? [p[i]!] : []));
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean(true)).toBeGreaterThan(mean(false) + 0.3);
  });

  it('is deterministic with a seed, subsampling included', () => {
    const a = fitted(3, { rowSubsample: 0.7, featureSubsample: 0.6 });
    const b = fitted(3, { rowSubsample: 0.7, featureSubsample: 0.6 });
    expect(predictRaw(a.model, a.matrix)).toEqual(predictRaw(b.model, b.matrix));
  });

  it('round-trips through JSON and refuses another schema version with what to do', () => {
    const { model, matrix } = fitted();
    const json = JSON.parse(JSON.stringify(gbdtToJson(model))) as unknown;
    expect(predictRaw(gbdtFromJson(json), matrix)).toEqual(predictRaw(model, matrix));
    const other = { ...(json as object), schemaVersion: GBDT_SCHEMA_VERSION + 1 };
    expect(() => gbdtFromJson(other)).toThrow(/schema version 2.*retrain the model with `ringscope train`/);
  });

  it('cuts at most 254 edges and keeps few distinct values apart', () => {
    expect(
      quantileEdges(
        Float64Array.from({ length: 10000 }, (_, i) => i),
        255,
      ).length,
    ).toBeLessThanOrEqual(254);
    expect(quantileEdges(Float64Array.of(1, 1, 2, Number.NaN, 3), 255)).toEqual([1.5, 2.5]);
  });

  it('rejects labels that do not match the rows', () => {
    expect(() =>
      trainGbdt([{ name: 'x', kind: 'numeric' }], { rows: 2, columns: [Float64Array.of(1, 2)] }, [1]),
    ).toThrow(/2 rows but 1 labels/);
  });
});

// Paid duty as features and as the duty rate a revenue-aware ranking needs when a file has none.
import { describe, expect, it } from 'vitest';
import { fitFeatures, featureSpecs, FEATURE_DEFAULTS } from '../../src/risk/features.ts';
import { paidRateMedians, usualPaidRate } from '../../src/risk/extra-features.ts';
import { dutyAtStake } from '../../src/risk/model.ts';
import { riskLines } from './lines.ts';

const base = riskLines(1, 1)[0]!;
const line = (hsCode: string, origin: string, value: number, paid: number | null) => ({
  ...base,
  hsCode,
  originCountry: origin,
  customsValue: value,
  dutyPaid: paid,
  dutyRate: null,
});

describe('paid-duty rates', () => {
  it('takes the median where duty was paid, by HS6 and origin before HS6, HS4, HS2', () => {
    const lines = [
      ...Array.from({ length: 5 }, () => line('610910', 'CN', 100, 12)),
      ...Array.from({ length: 5 }, () => line('610910', 'VN', 100, 8)),
      ...Array.from({ length: 20 }, () => line('610910', 'VN', 100, 0)), // de-minimis, deferred
    ];
    const medians = paidRateMedians(lines);
    expect(usualPaidRate(medians, { hsCode: '610910', originCountry: 'CN' })).toBeCloseTo(0.12, 12);
    expect(usualPaidRate(medians, { hsCode: '610910', originCountry: 'VN' })).toBeCloseTo(0.08, 12);
    // Another origin: the HS6 median over the 10 lines that paid.
    expect(usualPaidRate(medians, { hsCode: '610910', originCountry: 'TR' })).toBeCloseTo(0.1, 12);
    expect(usualPaidRate(medians, { hsCode: '610990', originCountry: 'TR' })).toBeCloseTo(0.1, 12);
    expect(usualPaidRate(medians, { hsCode: '850110', originCountry: 'TR' })).toBeNaN();
  });

  it('are features only when the training lines carry duty_paid', () => {
    const without = riskLines(200, 2);
    expect(fitFeatures(without).specs.map((s) => s.name)).toEqual(
      featureSpecs(FEATURE_DEFAULTS).map((s) => s.name),
    );
    const withPaid = without.map((l) => ({ ...l, dutyPaid: l.customsValue * 0.05 }));
    const fitted = fitFeatures(withPaid);
    expect(fitted.specs.map((s) => s.name).slice(-2)).toEqual(['paidDutyRate', 'paidDutyRateVsHs']);
    const rate = fitted.matrix.columns[fitted.specs.length - 2]!;
    const vsHs = fitted.matrix.columns[fitted.specs.length - 1]!;
    expect(rate[0]).toBeCloseTo(0.05, 12);
    expect(vsHs[0]).toBeCloseTo(0, 12);
  });

  it('give the duty at stake of a line without a duty rate', () => {
    const lines = Array.from({ length: 5 }, () => line('610910', 'CN', 100, 12));
    const plan = fitFeatures(lines.map((l) => ({ ...l, label: false }))).plan;
    expect(dutyAtStake(line('610910', 'CN', 1000, 0), plan)).toBeCloseTo(120, 9);
    expect(dutyAtStake(line('610910', 'CN', 1000, 0))).toBe(0);
    expect(dutyAtStake({ ...line('610910', 'CN', 1000, 0), dutyRate: 0.02 }, plan)).toBeCloseTo(20, 9);
  });
});

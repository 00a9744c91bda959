import { describe, expect, it } from 'vitest';
import { dutyRatesByGroup, lineGroups, scoreUnitValues } from '../../src/graph/line-groups.ts';
import { appendLine, finishLines, lineBuilder } from '../../src/graph/lines.ts';
import { lineTable, record } from '../fixtures/lines.ts';

const OPTIONS = { minGroupLines: 3, minScale: 0.05 };
const LN2 = Math.log(2);
const LN10 = Math.log(10);

describe('lineGroups', () => {
  it('has no groups for an empty table', () => {
    const groups = lineGroups(lineTable([]));
    expect(groups.keys).toEqual([]);
    expect(groups.heading).toHaveLength(0);
    expect(groups.headingOrigin).toHaveLength(0);
  });

  it('numbers headings and heading+origin pairs in order of first appearance', () => {
    const groups = lineGroups(
      lineTable([
        { importerId: 'A', hsCode: '640399', originCountry: 'CN' },
        { importerId: 'A', hsCode: '731815', originCountry: 'CN' },
        // Another code of the same heading shares its groups.
        { importerId: 'A', hsCode: '640391', originCountry: 'CN' },
        { importerId: 'A', hsCode: '640399', originCountry: 'VN' },
        // An unknown origin is a group of its own.
        { importerId: 'A', hsCode: '640399', originCountry: null },
        { importerId: 'A', hsCode: '640399', originCountry: 'CN' },
      ]),
    );
    expect(groups.keys).toEqual(['6403', '6403|CN', '7318', '7318|CN', '6403|VN', '6403|??']);
    expect([...groups.heading]).toEqual([0, 2, 0, 0, 0, 0]);
    expect([...groups.headingOrigin]).toEqual([1, 3, 1, 4, 5, 1]);
  });

  it('reuses the groups of a table until lines are appended to it', () => {
    const builder = lineBuilder();
    appendLine(builder, record({ importerId: 'A', hsCode: '640399' }));
    const table = finishLines(builder);
    const first = lineGroups(table);
    expect(lineGroups(table)).toBe(first);
    appendLine(builder, record({ importerId: 'A', hsCode: '851712', originCountry: 'DE' }));
    const second = lineGroups(table);
    expect(second).not.toBe(first);
    expect(second.keys).toEqual(['6403', '6403|CN', '8517', '8517|DE']);
    expect([...second.headingOrigin]).toEqual([1, 3]);
  });
});

describe('scoreUnitValues', () => {
  it('scores nothing in an empty table', () => {
    expect(scoreUnitValues(lineTable([]), OPTIONS).size).toBe(0);
  });

  it('scores by heading+origin, falls back to the heading, and skips groups too small to trust', () => {
    const table = lineTable([
      // 6403 from China: 5, 10, 20 per kg, so the median is 10 and the MAD of the logs is ln 2.
      { importerId: 'A', customsValue: 50 },
      { importerId: 'A', customsValue: 100 },
      { importerId: 'A', customsValue: 200 },
      // 6403 from Viet Nam: one line at 40 per kg, scored against the heading (5, 10, 20, 40).
      { importerId: 'B', originCountry: 'VN', customsValue: 400 },
      // No mass or quantity, and no value: unknown unit values, neither scored nor counted.
      { importerId: 'A', netMassKg: null },
      { importerId: 'A', customsValue: 0 },
      // 7318: two lines, fewer than minGroupLines even for the heading.
      { importerId: 'C', hsCode: '731815', customsValue: 100 },
      { importerId: 'C', hsCode: '731815', customsValue: 100 },
      // 8471: three identical unit values; the scale is floored at minScale.
      { importerId: 'D', hsCode: '847130', customsValue: 100 },
      { importerId: 'D', hsCode: '847130', customsValue: 100 },
      { importerId: 'D', hsCode: '847130', customsValue: 100 },
    ]);
    const groups = scoreUnitValues(table, OPTIONS);

    expect([...groups.keys()]).toEqual(['6403', '6403|CN', '7318', '8471', '8471|CN']);
    const china = groups.get('6403|CN')!;
    expect(china.count).toBe(3);
    expect(china.medianLogUnitValue).toBeCloseTo(LN10, 12);
    expect(china.scale).toBeCloseTo(1.4826 * LN2, 12);
    // Logs ln 5, ln 10, ln 20, ln 40: median ln(10√2), deviations 1.5, 0.5, 0.5, 1.5 × ln 2.
    const heading = groups.get('6403')!;
    expect(heading.count).toBe(4);
    expect(heading.medianLogUnitValue).toBeCloseTo(LN10 + LN2 / 2, 12);
    expect(heading.scale).toBeCloseTo(1.4826 * LN2, 12);
    expect(groups.get('7318')).toMatchObject({ count: 2, scale: 0.05 });
    expect(groups.get('8471|CN')).toMatchObject({ count: 3, scale: 0.05 });

    const z = [...table.unitValueZScore];
    const expected = [-1 / 1.4826, 0, 1 / 1.4826, 1.5 / 1.4826];
    expected.forEach((value, i) => expect(z[i]).toBeCloseTo(value, 12));
    expect(z.slice(4, 8)).toEqual([NaN, NaN, NaN, NaN]);
    expect(z.slice(8)).toEqual([0, 0, 0]);

    const worth = [...table.expectedValue];
    [100, 100, 100, 100 * Math.SQRT2].forEach((value, i) => expect(worth[i]).toBeCloseTo(value, 9));
    expect(worth.slice(4, 8)).toEqual([NaN, NaN, NaN, NaN]);
    worth.slice(8).forEach((value) => expect(value).toBeCloseTo(100, 9));
  });
});

describe('dutyRatesByGroup', () => {
  it('has no rates for an empty table', () => {
    expect(dutyRatesByGroup(lineTable([])).size).toBe(0);
  });

  it('takes the median of stated rates, else of duty paid over value, per group and heading', () => {
    const rates = dutyRatesByGroup(
      lineTable([
        // A stated rate wins over what was paid.
        { importerId: 'A', dutyRate: 0.1, dutyPaid: 99 },
        { importerId: 'A', dutyRate: 0.1 },
        { importerId: 'A', dutyRate: null, dutyPaid: 30, customsValue: 100 },
        { importerId: 'B', originCountry: 'VN', dutyRate: 0.2 },
        // India's only rate is implied: 12 paid on 100.
        { importerId: 'B', originCountry: 'IN', dutyPaid: 12, customsValue: 100 },
        // Nothing stated, nothing paid, or paid on no value: no rate for 7318 at all.
        { importerId: 'C', hsCode: '731815' },
        { importerId: 'C', hsCode: '731815', dutyPaid: 5, customsValue: 0 },
      ]),
    );
    expect([...rates.keys()]).toEqual(['6403', '6403|CN', '6403|VN', '6403|IN']);
    expect(rates.get('6403|CN')).toBeCloseTo(0.1, 12);
    expect(rates.get('6403|VN')).toBeCloseTo(0.2, 12);
    expect(rates.get('6403|IN')).toBeCloseTo(0.12, 12);
    // Heading 6403: 0.1, 0.1, 0.12, 0.2, 0.3.
    expect(rates.get('6403')).toBeCloseTo(0.12, 12);
  });
});

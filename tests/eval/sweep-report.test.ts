// The robustness report's pure parts: pooling a point's worlds, the table and the SVG chart, from
// a fixed set of figures.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ringScore, type RingScore } from '../../src/eval/ring-matching.ts';
import { CHART_WIDTH, sweepSvg } from '../../src/eval/sweep-chart.ts';
import { SweepReport, formatSweepTable, poolScores, sweepTypologies } from '../../src/eval/sweep-report.ts';

const s = (typology: string, planted: number, reported: number, found: number): RingScore =>
  ringScore(typology, planted, reported, found);

/** Two values of undervaluation, two seeds each. */
function fixture(): SweepReport {
  const worlds = [
    [
      {
        seed: 2001,
        rings: [
          s('phoenix', 3, 3, 3),
          s('undervaluation', 3, 2, 1),
          s('community', 0, 2, 1),
          s('overall', 6, 7, 5),
        ],
      },
      {
        seed: 2002,
        rings: [
          s('phoenix', 3, 2, 2),
          s('undervaluation', 3, 0, 0),
          s('community', 0, 0, 0),
          s('overall', 6, 2, 2),
        ],
      },
    ],
    [
      {
        seed: 2001,
        rings: [
          s('phoenix', 3, 3, 3),
          s('undervaluation', 3, 3, 3),
          s('community', 0, 1, 1),
          s('overall', 6, 7, 6),
        ],
      },
      {
        seed: 2002,
        rings: [
          s('phoenix', 3, 3, 3),
          s('undervaluation', 3, 4, 3),
          s('community', 0, 0, 0),
          s('overall', 6, 7, 6),
        ],
      },
    ],
  ];
  const order = ['shared_identifiers', 'phoenix', 'undervaluation'];
  const points = ['10%', '60%'].map((value, i) => ({
    value,
    x: i === 0 ? 0.1 : 0.6,
    rings: poolScores(
      worlds[i]!.map((w) => w.rings),
      order,
    ),
    worlds: worlds[i]!.map((w) => ({ ...w, lines: 18_000 })),
  }));
  return SweepReport.parse({
    version: 1,
    generator: 'meridian',
    size: 'small',
    parameter: 'undervaluation',
    parameterLabel: 'undervaluation depth (share of value <undeclared> & hidden)',
    seeds: [2001, 2002],
    fixed: { camouflage: 0.35 },
    matching: { jaccardThreshold: 0.5, memberLabels: ['Importer'] },
    typologies: sweepTypologies(points, order),
    points,
  });
}

describe('poolScores', () => {
  it('sums planted, reported and found over the worlds before taking the ratios', () => {
    const [first] = fixture().points;
    expect(first?.rings.find((r) => r.typology === 'undervaluation')).toEqual({
      typology: 'undervaluation',
      planted: 6,
      reported: 2,
      found: 1,
      precision: 0.5,
      recall: 1 / 6,
      f1: (2 * 0.5 * (1 / 6)) / (0.5 + 1 / 6),
    });
    // community: nothing planted, 2 reported, 1 found.
    expect(first?.rings.find((r) => r.typology === 'community')).toMatchObject({
      precision: 0.5,
      recall: null,
    });
  });

  it('keeps the given order of typologies, then the others as first seen', () => {
    expect(fixture().points[0]?.rings.map((r) => r.typology)).toEqual([
      'phoenix',
      'undervaluation',
      'community',
      'overall',
    ]);
    expect(fixture().typologies).toEqual(['phoenix', 'undervaluation', 'community', 'overall']);
  });
});

describe('formatSweepTable', () => {
  it('prints one row per typology and one "precision / recall" column per value', () => {
    const lines = formatSweepTable(fixture()).split('\n');
    expect(lines).toContain(`  precision / recall${' '.repeat(14)}10%${' '.repeat(10)}60%`);
    expect(lines).toContain('  phoenix                 1.00 / 0.83  1.00 / 1.00');
    expect(lines).toContain('  undervaluation          0.50 / 0.17  0.86 / 1.00');
    expect(lines).toContain('  community               0.50 /    –  1.00 /    –');
    expect(lines).toContain('  overall                 0.78 / 0.58  0.86 / 1.00');
    expect(lines).toContain(`  rings found / planted${' '.repeat(10)}7/12${' '.repeat(8)}12/12`);
    expect(lines[0]).toBe(
      'Sweep of undervaluation: undervaluation depth (share of value <undeclared> & hidden); meridian worlds, size small, seeds 2001, 2002.',
    );
  });
});

describe('sweepSvg', () => {
  /** Parses as XML, collecting every warning and error the parser reports. */
  function parseSvg(text: string) {
    const errors: string[] = [];
    const doc = new DOMParser({
      errorHandler: (level, message) => void errors.push(`${level}: ${message}`),
    }).parseFromString(text, 'image/svg+xml');
    return { doc, errors };
  }
  const { doc, errors } = parseSvg(sweepSvg(fixture()));
  const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
  const texts = all('text').map((t) => t.textContent ?? '');

  it('is a well-formed SVG document 900 px wide', () => {
    expect(parseSvg('<svg><text>a & b</svg>').errors).not.toEqual([]);
    expect(errors).toEqual([]);
    expect(doc.documentElement?.nodeName).toBe('svg');
    expect(doc.documentElement?.getAttribute('width')).toBe(String(CHART_WIDTH));
    expect(CHART_WIDTH).toBe(900);
  });

  it('draws one line per typology in each panel, none where a panel has no value', () => {
    const paths = all('path').filter((p) => p.getAttribute('class') === 'series');
    const drawn = (panel: string) =>
      paths.filter((p) => p.getAttribute('data-panel') === panel).map((p) => p.getAttribute('data-typology'));
    expect(drawn('recall')).toEqual(['phoenix', 'undervaluation', 'overall']);
    expect(drawn('precision')).toEqual(['phoenix', 'undervaluation', 'community', 'overall']);
    for (const p of paths) expect(p.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
  });

  it('labels both axes of both panels and has a legend entry per typology', () => {
    expect(texts.filter((t) => t === 'recall')).toHaveLength(1);
    expect(texts.filter((t) => t === 'precision')).toHaveLength(1);
    expect(
      texts.filter((t) => t === 'undervaluation depth (share of value <undeclared> & hidden)'),
    ).toHaveLength(2);
    expect(texts.filter((t) => t === '10%')).toHaveLength(2);
    expect(texts.filter((t) => t === '0.50')).toHaveLength(2);
    for (const typology of fixture().typologies) expect(texts).toContain(typology);
  });

  it('breaks a line where a value is missing', () => {
    const report = fixture();
    const three = {
      ...report,
      points: [
        report.points[0]!,
        { ...report.points[0]!, value: '35%', x: 0.35, rings: [] },
        report.points[1]!,
      ],
    };
    const parsed = new DOMParser().parseFromString(sweepSvg(three), 'image/svg+xml');
    const phoenix = Array.from(parsed.getElementsByTagName('path')).find(
      (p) => p.getAttribute('data-typology') === 'phoenix' && p.getAttribute('data-panel') === 'recall',
    );
    expect(phoenix?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
  });

  it('spaces names evenly and numbers by value', () => {
    const report = fixture();
    const xOf = (r: SweepReport) =>
      Array.from(new DOMParser().parseFromString(sweepSvg(r), 'image/svg+xml').getElementsByTagName('path'))
        .find(
          (p) => p.getAttribute('data-typology') === 'phoenix' && p.getAttribute('data-panel') === 'recall',
        )
        ?.getAttribute('d')
        ?.match(/[ML]([\d.]+) /g)
        ?.map((m) => Number(m.slice(1)));
    const three = {
      ...report,
      points: [report.points[0]!, { ...report.points[1]!, value: '20%', x: 0.2 }, report.points[1]!],
    };
    const [a, b, c] = xOf(three) ?? [];
    expect((b! - a!) / (c! - a!)).toBeCloseTo(0.2, 2);
    const named = {
      ...three,
      points: three.points.map((p, i) => ({ ...p, value: ['eu', 'us', 'jp'][i]!, x: null })),
    };
    const [d, e, f] = xOf(named) ?? [];
    expect(e! - d!).toBeCloseTo(f! - e!, 6);
  });
});

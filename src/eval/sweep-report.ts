// The robustness report of `ringscope eval --sweep`: ring recall and precision per typology as
// one world parameter varies, the others at their defaults. Its versioned JSON schema, how the
// per-world scores of a point are pooled, and the table a person reads. The chart is
// sweep-chart.ts; generating and scoring the worlds is the command line's (src/cli).
import { z } from 'zod';
import { RingScoreJson } from './report.ts';
import { ringScore, type RingScore } from './ring-matching.ts';

export const SWEEP_REPORT_VERSION = 1;

export const SweepWorld = z
  .object({
    seed: z.number().int(),
    lines: z.number().int().nonnegative(),
    rings: z.array(RingScoreJson),
  })
  .strict();
export type SweepWorld = z.infer<typeof SweepWorld>;

export const SweepPoint = z
  .object({
    /** The value as given on the command line (`0.4`, `2-5`, `eu`). */
    value: z.string(),
    /** Where the value sits on the x axis; null for a value that is not a number (a name). */
    x: z.number().nullable(),
    /** Scores pooled over the point's worlds: counts summed, then the ratios. */
    rings: z.array(RingScoreJson),
    worlds: z.array(SweepWorld),
  })
  .strict();
export type SweepPoint = z.infer<typeof SweepPoint>;

export const SweepReport = z
  .object({
    version: z.literal(SWEEP_REPORT_VERSION),
    generator: z.string(),
    size: z.string(),
    /** The parameter varied, as its command-line name (`undervaluation`). */
    parameter: z.string(),
    /** What the parameter means, for the axis title. */
    parameterLabel: z.string(),
    seeds: z.array(z.number().int()),
    /** The generator's parameters held at their defaults. */
    fixed: z.record(z.string(), z.unknown()),
    matching: z.object({ jaccardThreshold: z.number(), memberLabels: z.array(z.string()) }).strict(),
    /** Typologies in the order of the table and the legend. */
    typologies: z.array(z.string()),
    points: z.array(SweepPoint),
  })
  .strict();
export type SweepReport = z.infer<typeof SweepReport>;

/**
 * Pools one point's worlds: per typology, planted, reported and found are summed over the worlds
 * and precision and recall computed from the sums (a world with nothing reported does not count
 * as a precision of 0 or 1, it adds nothing). Typologies come out in `order`, then any other.
 */
export function poolScores(worlds: readonly (readonly RingScore[])[], order: readonly string[]): RingScore[] {
  const sums = new Map<string, { planted: number; reported: number; found: number }>();
  for (const scores of worlds)
    for (const s of scores) {
      const sum = sums.get(s.typology) ?? { planted: 0, reported: 0, found: 0 };
      sum.planted += s.planted;
      sum.reported += s.reported;
      sum.found += s.found;
      sums.set(s.typology, sum);
    }
  const typologies = [
    ...order.filter((t) => sums.has(t)),
    ...[...sums.keys()].filter((t) => !order.includes(t)),
  ];
  return typologies.map((t) => {
    const s = sums.get(t)!;
    return ringScore(t, s.planted, s.reported, s.found);
  });
}

/** Typologies in the report: the planted ones first (in `planted` order), then the others seen. */
export function sweepTypologies(
  points: readonly { rings: readonly RingScore[] }[],
  planted: readonly string[],
): string[] {
  const seen = new Set(points.flatMap((p) => p.rings.map((r) => r.typology)));
  const others = [...seen].filter((t) => !planted.includes(t) && t !== 'overall').sort();
  return [...planted.filter((t) => seen.has(t)), ...others, ...(seen.has('overall') ? ['overall'] : [])];
}

const ratio = (x: number | null | undefined): string =>
  x === null || x === undefined ? '  –' : x.toFixed(2);

/** One cell: precision / recall, 11 characters. */
function cell(score: RingScore | undefined): string {
  return `${ratio(score?.precision).padStart(4)} / ${ratio(score?.recall).padStart(4)}`;
}

/** The report as a table: one row per typology, one column per value, "precision / recall". */
export function formatSweepTable(report: SweepReport): string {
  const width = 22;
  const columns = report.points.map((p) => p.value.padStart(11));
  const out = [
    `Sweep of ${report.parameter}: ${report.parameterLabel}; ${report.generator} worlds, size ${report.size}, seeds ${report.seeds.join(', ')}.`,
    `Rings matched at Jaccard ≥ ${report.matching.jaccardThreshold} on ${report.matching.memberLabels.join(', ')}; counts pooled over the seeds.`,
    '',
    `  ${'precision / recall'.padEnd(width)}  ${columns.join('  ')}`,
  ];
  for (const typology of report.typologies) {
    const cells = report.points.map((p) => cell(p.rings.find((r) => r.typology === typology)));
    out.push(`  ${typology.padEnd(width)}  ${cells.join('  ')}`);
  }
  const planted = report.points.map((p) => {
    const overall = p.rings.find((r) => r.typology === 'overall');
    return `${overall?.found ?? 0}/${overall?.planted ?? 0}`.padStart(11);
  });
  out.push('', `  ${'rings found / planted'.padEnd(width)}  ${planted.join('  ')}`);
  return `${out.join('\n')}\n`;
}

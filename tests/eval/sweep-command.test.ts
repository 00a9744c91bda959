// `ringscope eval --sweep` end to end on tiny Meridian worlds (two values, one seed): the table on
// stdout, a progress line per world on stderr, the chart and the figures on disk; and every bad
// option refused before a world is built, naming the option.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SweepReport } from '../../src/eval/sweep-report.ts';
import { PlantedTypology } from '../../src/eval/truth.ts';
import { readSweepValues } from '../../src/cli/commands/sweep-parameters.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('ringscope eval --sweep', () => {
  let dir: string;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-sweep-test-'));
    result = await runCli([
      'eval',
      '--sweep',
      'undervaluation',
      '--values',
      '15%,0.5',
      '--seeds',
      '2001',
      '--size',
      'tiny',
      '--out',
      dir,
    ]);
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('scores one world per value and seed, and writes the figures', async () => {
    expect(result.code, result.stderr).toBe(0);
    const report = SweepReport.parse(
      JSON.parse(await readFile(join(dir, 'sweep-undervaluation.json'), 'utf8')),
    );
    expect(report).toMatchObject({
      generator: 'meridian',
      size: 'tiny',
      parameter: 'undervaluation',
      seeds: [2001],
    });
    expect(report.fixed).toEqual({
      ringSize: [2, 20],
      camouflage: 0.35,
      labelCoverage: 0.12,
      administration: 'drawn from the seed',
    });
    expect(report.points.map((p) => [p.value, p.x])).toEqual([
      ['15%', 0.15],
      ['0.5', 0.5],
    ]);
    expect(report.typologies.slice(0, 6)).toEqual(PlantedTypology.options);
    for (const point of report.points) {
      expect(point.worlds.map((w) => w.seed)).toEqual([2001]);
      // A tiny Meridian world plants one ring per scheme.
      for (const typology of PlantedTypology.options)
        expect(point.rings.find((r) => r.typology === typology)?.planted).toBe(1);
      // One world: the pooled scores are that world's.
      expect(point.rings).toEqual(point.worlds[0]!.rings);
      expect(point.worlds[0]!.lines).toBeGreaterThan(2_500);
    }
  });

  it('prints the table, a progress line per world, and where the files went', () => {
    expect(result.stdout).toMatch(/^ {2}precision \/ recall +15% +0\.5$/m);
    for (const typology of PlantedTypology.options)
      expect(result.stdout).toMatch(new RegExp(`^  ${typology} `, 'm'));
    expect(result.stdout).toContain(
      `Wrote ${join(dir, 'sweep-undervaluation.svg')} and ${join(dir, 'sweep-undervaluation.json')}.`,
    );
    expect(result.stderr).toMatch(
      /^\[1\/2\] undervaluation 15%, seed 2001: [\d,]+ lines, \d of 6 rings found/m,
    );
    expect(result.stderr).toMatch(
      /^\[2\/2\] undervaluation 0\.5, seed 2001: [\d,]+ lines, \d of 6 rings found/m,
    );
  });

  it('draws the chart with a recall line per planted typology', async () => {
    const svg = await readFile(join(dir, 'sweep-undervaluation.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="900"')).toBe(true);
    const recallLines = [...svg.matchAll(/data-panel="recall" data-typology="([a-z_]+)"/g)].map((m) => m[1]);
    expect(recallLines).toEqual([...PlantedTypology.options, 'overall']);
  });
});

describe('ringscope eval --sweep refuses bad options, naming them', () => {
  it.each([
    [
      ['--sweep', 'depth'],
      /eval: --sweep: "depth" is not one of undervaluation, ring-size, camouflage, label-coverage, administration/,
    ],
    [['--sweep', 'undervaluation', '--values', '0.1,deep'], /eval: --values: "deep" is not a share/],
    [['--sweep', 'undervaluation', '--values', '0.1,95%'], /eval: --values: "95%": .*\(undervaluation\)/],
    [['--sweep', 'ring-size', '--values', '2,2.5'], /eval: --values: "2.5" is not a whole number/],
    [['--sweep', 'ring-size', '--values', ','], /eval: --values: give at least one value/],
    [['--sweep', 'administration', '--values', 'eu,mars'], /eval: --values: "mars" is not one of us, eu/],
    [
      ['--sweep', 'camouflage', '--values', '0.1,10%'],
      /eval: --values: "10%" is the same world as an earlier value/,
    ],
    [['--sweep', 'camouflage', '--seeds', '2001,x'], /eval: --seeds: expected distinct whole numbers/],
    [['--sweep', 'camouflage', '--size', 'large'], /eval: --size: expected one of tiny, small, medium/],
    [
      ['--sweep', 'camouflage', '--generator', 'ringscope'],
      /eval: --generator: only the meridian generator has world parameters/,
    ],
    [['--sweep', 'camouflage', '--truth', 'truth.json'], /eval: --truth: give either --sweep or --truth/],
    [['--seeds', '2001', '--truth', 'truth.json'], /eval: --seeds is an option of --sweep/],
    [
      ['--sweep', 'camouflage', '--member-labels', 'Company'],
      /eval: --member-labels: expected labels among .*"Company"/,
    ],
    [['--sweep', 'camouflage', '--jaccard', '0'], /eval: --jaccard: /],
  ])('eval %j', async (args, message) => {
    const { code, stderr } = await runCli(['eval', ...args]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });

  it('refuses --neo4j: a sweep builds its own embedded stores', async () => {
    const { code, stderr } = await runCli([
      '--neo4j',
      'bolt://localhost:7687',
      'eval',
      '--sweep',
      'camouflage',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/eval: --neo4j: a sweep builds its worlds in temporary embedded stores/);
  });

  it('reads shares as 0.4 or 40% and ranges as MIN-MAX', () => {
    const [percent, range] = readSweepValues('undervaluation', ['40%', '0.1-0.2']);
    expect(percent).toEqual({ value: '40%', x: 0.4, params: { undervaluation: [0.4, 0.4] } });
    expect(range?.params).toEqual({ undervaluation: [0.1, 0.2] });
    expect(range?.x).toBeCloseTo(0.15, 12);
    expect(readSweepValues('ring-size', ['2-5'])).toEqual([
      { value: '2-5', x: 3.5, params: { ringSize: [2, 5] } },
    ]);
  });
});

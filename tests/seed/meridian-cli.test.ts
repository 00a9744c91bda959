// `ringscope seed --generator meridian`: the command writes what the generator writes, names its
// options when they are wrong, and the world loads through the real ingest with no row problems.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMeridian } from '../../seed/meridian/generate.ts';
import { Truth } from '../../src/eval/truth.ts';
import { openStore } from '../../src/store/open.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('ringscope seed --generator meridian', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-meridian-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the generator’s files for the options given, then ingests without a problem', async () => {
    const out = join(dir, 'cli');
    const args = ['--json', 'seed', '--generator', 'meridian', '--size', 'tiny', '--seed', '3', '--out', out];
    const seeded = await runCli([
      ...args,
      '--administration',
      'au',
      '--de-minimis',
      '900',
      '--ring-size',
      '2-6',
      '--label-coverage',
      '0.3',
    ]);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    const summary = JSON.parse(seeded.stdout) as {
      generator: string;
      counts: { lines: number };
      params: { ringSize: number[] };
    };
    expect(summary.generator).toBe('meridian');
    expect(summary.params.ringSize).toEqual([2, 6]);
    const direct = join(dir, 'direct');
    await generateMeridian({
      outDir: direct,
      size: 'tiny',
      seed: 3,
      administration: 'au',
      deMinimis: 900,
      ringSize: [2, 6],
      labelCoverage: 0.3,
    });
    for (const f of ['declarations.csv', 'entities.csv', 'truth.json', 'world.json'])
      expect(await readFile(join(out, f), 'utf8'), f).toBe(await readFile(join(direct, f), 'utf8'));
    const world = JSON.parse(await readFile(join(out, 'world.json'), 'utf8')) as {
      administration: { currency: string; deMinimis: number };
    };
    expect(world.administration).toMatchObject({ currency: 'AUD', deMinimis: 900 });

    const db = join(dir, 'store.db');
    const ingest = await runCli([
      '--db',
      db,
      '--json',
      'ingest',
      join(out, 'declarations.csv'),
      join(out, 'entities.csv'),
    ]);
    expect(ingest.stderr).not.toMatch(/row \d+/);
    expect(ingest.code).toBe(0);
    const report = JSON.parse(ingest.stdout) as { files: { status: string; problemCount: number }[] };
    for (const f of report.files) expect(f).toMatchObject({ status: 'imported', problemCount: 0 });
    const truth = Truth.parse(JSON.parse(await readFile(join(out, 'truth.json'), 'utf8')));
    const store = await openStore({ db });
    try {
      expect((await store.counts()).nodes.Shipment).toBe(truth.counts.lines);
      const members = truth.rings.flatMap((r) => r.members.map(({ label, id }) => ({ label, id })));
      const found = await store.getNodes(members);
      expect(found.length).toBe(new Set(members.map((m) => `${m.label}:${m.id}`)).size);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('refuses a meridian option without --generator meridian, an unknown generator and bad values', async () => {
    const out = join(dir, 'x');
    const cases: [string[], RegExp][] = [
      [['seed', '--camouflage', '0.2', '--out', out], /--camouflage is an option of --generator meridian/],
      [
        ['seed', '--generator', 'other', '--out', out],
        /--generator: "other" is not one of ringscope, meridian/,
      ],
      [
        ['seed', '--generator', 'meridian', '--size', 'large', '--out', out],
        /--size: the meridian generator has tiny, small, medium/,
      ],
      [
        ['seed', '--generator', 'meridian', '--size', 'tiny', '--administration', 'fr', '--out', out],
        /--administration: one of us, eu/,
      ],
      [
        ['seed', '--generator', 'meridian', '--size', 'tiny', '--ring-size', 'a-b', '--out', out],
        /--ring-size: not a range/,
      ],
      [
        ['seed', '--generator', 'meridian', '--size', 'tiny', '--camouflage', '1.5', '--out', out],
        /camouflage/,
      ],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await runCli(argv);
      expect(code, argv.join(' ')).toBe(1);
      expect(stderr).toMatch(message);
    }
  });
});

// `ringscope eval` end to end: a tiny world's truth, findings written to an embedded store, the
// JSON report read back from stdout.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../seed/generate.ts';
import type { Truth } from '../../src/eval/truth.ts';
import { runCli as run } from '../helpers/run-cli.ts';
import { EvalReport } from '../../src/eval/report.ts';
import type { DetectionRun, Ring } from '../../src/model/index.ts';
import { openStore } from '../../src/store/open.ts';

describe('ringscope eval --truth', () => {
  let dir: string;
  let truth: Truth;
  let truthPath: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-eval-'));
    const world = await generateWorld({ size: 'tiny', seed: 3, outDir: join(dir, 'world') });
    truth = world.truth;
    truthPath = world.truthPath;
    db = join(dir, 'store.db');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('scores reported rings and ranked lines against the planted ones', async () => {
    const [first, second] = truth.rings;
    if (!first || !second) throw new Error('the tiny world plants at least two rings');
    const asReported = (id: string, planted: typeof first): Ring => ({
      id,
      typology: planted.typology,
      score: 0.9,
      revenueAtRisk: planted.revenueAtRisk,
      priority: 0.9,
      explanation: 'test',
      members: planted.members.map(({ label, id: memberId, role }) => ({ label, id: memberId, role })),
      indicators: [],
    });
    const bogus: Ring = {
      ...asReported('R-bogus', first),
      id: 'R-bogus',
      typology: 'community',
      members: [{ label: 'Importer', id: 'IM-nobody', role: 'x' }],
    };
    const targets = first.illicitLines.map((l, i) => {
      const [declarationId = '', line = '1'] = l.id.split('/');
      return { declarationId, line: Number(line), score: 1 - i / 1000, reasons: ['test'] };
    });
    const findings: DetectionRun = {
      runId: 'run-1',
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:00:01Z',
      seed: 1,
      rings: [asReported('R-a', first), asReported('R-b', second), bogus],
      parties: [],
      targets,
    };
    const store = await openStore({ db });
    await store.writeFindings(findings);
    await store.close();

    const { code, stdout } = await run(['--db', db, '--json', 'eval', '--truth', truthPath]);
    expect(code).toBe(0);
    const report = EvalReport.parse(JSON.parse(stdout));
    expect(report.findings).toEqual({ runId: 'run-1', rings: 3, targets: targets.length });
    expect(report.rings.overall).toMatchObject({
      planted: truth.rings.length,
      reported: 3,
      found: 2,
      precision: 2 / 3,
      recall: 2 / truth.rings.length,
    });
    const k1 = report.lines.find((l) => l.k === 1);
    const inspected = Math.ceil(truth.counts.lines / 100);
    expect(k1?.inspected).toBe(inspected);
    expect(k1?.hits).toBe(Math.min(inspected, first.illicitLines.length));
    const k10 = report.lines.find((l) => l.k === 10);
    expect(k10?.revenueCaptured).toBeCloseTo(first.revenueAtRisk / report.truth.revenueAtRisk, 6);
  });

  it('says what is wrong with a file that is not a truth file', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ version: 99 }));
    const { code, stderr } = await run(['--db', db, 'eval', '--truth', bad]);
    expect(code).toBe(1);
    expect(stderr).toContain(bad);
    expect(stderr).toMatch(/not a Ringscope truth file/);
  });

  it('names a label it does not know in --member-labels', async () => {
    const { code, stderr } = await run([
      '--db',
      db,
      'eval',
      '--truth',
      truthPath,
      '--member-labels',
      'Importer,Company',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--member-labels: expected labels among .*"Importer,Company"/);
  });

  it('asks for exactly one of --truth and --communities', async () => {
    const { code, stderr } = await run(['eval']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/either --truth FILE or --communities DIR/);
  });
});

describe('ringscope eval --communities', () => {
  it('prints NMI and ARI per benchmark graph', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringscope-communities-'));
    try {
      // Two triangles joined by one edge: the detector should find them exactly.
      await writeFile(join(dir, 'two.edges'), 'a\tb\nb\tc\na\tc\nd\te\ne\tf\nd\tf\nc\td\n');
      await writeFile(join(dir, 'two.clusters'), 'a\t1\nb\t1\nc\t1\nd\t2\ne\t2\nf\t2\n');
      await writeFile(join(dir, 'lonely.edges'), 'x\ty\n'); // no .clusters: skipped
      const { code, stdout } = await run(['--json', 'eval', '--communities', dir]);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as {
        version: number;
        graphs: { name: string; nmi: number; ari: number; nodes: number; edges: number }[];
      };
      expect(report.version).toBe(1);
      expect(report.graphs.map((g) => g.name)).toEqual(['two']);
      expect(report.graphs[0]).toMatchObject({ nodes: 6, edges: 7, nmi: 1, ari: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a malformed line with file and line number', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringscope-communities-'));
    try {
      await writeFile(join(dir, 'g.edges'), 'a\tb\njustone\n');
      await writeFile(join(dir, 'g.clusters'), 'a\t1\nb\t1\n');
      const { code, stderr } = await run(['eval', '--communities', dir]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/g\.edges, line 2: expected two fields/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

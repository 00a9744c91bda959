// `ringscope resolve --write` on a tiny seeded world with planted duplicates: the candidates
// are stored as POSSIBLY_SAME_AS links, and writing them again updates them and keeps a review.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import { runCli } from '../helpers/run-cli.ts';

let dir = '';
let db = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringscope-resolve-write-'));
  const world = join(dir, 'world');
  const seeded = await runCli([
    'seed',
    '--size',
    'tiny',
    '--seed',
    '11',
    '--out',
    world,
    '--variants',
    '0.1',
  ]);
  expect(seeded.code, seeded.stderr).toBe(0);
  db = join(dir, 'r.db');
  const files = [join(world, 'entities.csv'), join(world, 'declarations.csv')];
  const ingested = await runCli(['--db', db, 'ingest', ...files]);
  expect(ingested.code, ingested.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function resolveWrite(): Promise<{ candidates: number; stored: number }> {
  const r = await runCli(['--db', db, '--json', 'resolve', '--write', '--min-score', '0.5', '--top', '0']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { candidates: number; stored: number };
}

describe('resolve --write', () => {
  it('stores every candidate once, and again without duplicates, keeping the review', async () => {
    const first = await resolveWrite();
    expect(first.candidates).toBeGreaterThan(0);
    expect(first.stored).toBe(first.candidates);
    let store = await openEmbeddedStore(db);
    const page = await store.listResolveLinks({ offset: 0, limit: 1000 });
    expect(page.total).toBe(first.candidates);
    expect(page.links.every((l) => l.status === 'open' && l.score >= 0.5 && l.evidence.length > 0)).toBe(
      true,
    );
    const reviewed = page.links[0]!;
    await store.reviewResolveLink(reviewed.id, {
      decision: 'accepted',
      by: 'ines',
      at: '2026-12-07T23:00:00Z',
    });
    await store.close();

    const second = await resolveWrite();
    expect(second.stored).toBe(first.candidates);
    store = await openEmbeddedStore(db);
    try {
      expect((await store.listResolveLinks({ offset: 0, limit: 0 })).total).toBe(first.candidates);
      const accepted = await store.listResolveLinks({ status: 'accepted', offset: 0, limit: 10 });
      expect(accepted.links.map((l) => [l.id, l.reviewedBy])).toEqual([[reviewed.id, 'ines']]);
      expect(await store.sameAsPairs()).toEqual([[reviewed.a, reviewed.b]]);
    } finally {
      await store.close();
    }
  });

  it('stores nothing without --write', async () => {
    const r = await runCli(['--db', db, '--json', 'resolve', '--min-score', '0.99', '--top', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { stored: number }).stored).toBe(0);
  });
});

// What only the embedded file can show: two connections to one file (a reader never sees an
// open import; a second writer is told the store is busy), a writer killed mid-import, and
// party rows only the write API (never an ingest) can produce.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { relId } from '../../src/model/index.ts';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import { STORE_PAGE_SIZE } from '../../src/store/embedded/schema.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { storeError } from './contract-helpers.ts';
import { FILE_HASH, IDS, loadFixture, ref } from './fixture.ts';

describe('embedded store file', () => {
  let dir = '';
  let path = '';
  const open: GraphStore[] = [];
  const openStore = async (busyTimeoutMs?: number) => {
    const store = await openEmbeddedStore(path, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
    await store.init();
    open.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ringscope-file-'));
    path = join(dir, 'nested', 'store.db');
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hides an open import from another connection until it commits', async () => {
    const writer = await openStore();
    const reader = await openStore(50);
    await loadFixture(writer);
    const before = await reader.counts();
    const session = await writer.beginImport({ fileHash: 'f'.repeat(64), fileName: 'open.csv', rows: 1 });
    const newcomer = ref('Importer', 'IM-NEW');
    await session.write({ nodes: [{ ...newcomer, props: { name: 'Newcomer' }, source: null }], rels: [] });

    expect(await reader.getNode(newcomer)).toBeNull();
    expect(await reader.counts()).toEqual(before);
    expect(await reader.search('newcomer', { limit: 5 })).toEqual([]);
    await expect(
      reader.beginImport({ fileHash: 'e'.repeat(64), fileName: 'other.csv', rows: 0 }),
    ).rejects.toEqual(storeError('unavailable'));
    const streamed: string[] = [];
    for await (const node of writer.streamNodes(['Importer'])) streamed.push(node.id);
    expect(streamed).not.toContain('IM-NEW');

    await session.commit();
    expect((await reader.getNode(newcomer))?.props.name).toBe('Newcomer');
    expect((await reader.counts()).nodes.Importer).toBe((before.nodes.Importer ?? 0) + 1);
  });

  it('gives a new file its page size, and leaves an older file the one it has', async () => {
    const pageSize = (file: string): number => {
      const db = new Database(file, { readonly: true });
      try {
        return db.pragma('page_size', { simple: true }) as number;
      } finally {
        db.close();
      }
    };
    await loadFixture(await openStore());
    expect(pageSize(path)).toBe(STORE_PAGE_SIZE);

    // A file written with SQLite's default pages, as Ringscope wrote them before.
    const older = join(dir, 'older.db');
    const raw = new Database(older);
    raw.pragma('page_size = 4096');
    raw.exec('CREATE TABLE placeholder (x)');
    raw.exec('DROP TABLE placeholder');
    raw.close();
    const store = await openEmbeddedStore(older);
    open.push(store);
    await store.init();
    await loadFixture(store);
    expect(pageSize(older)).toBe(4096);
    expect((await store.counts()).nodes.Importer).toBeGreaterThan(0);
  });

  it('builds the read indexes of a first import at commit, and keeps them when it aborts', async () => {
    const store = await openStore();
    const indexes = async () => {
      const reader = await openStore();
      const names: string[] = [];
      for await (const node of reader.streamShipments()) names.push(node.declarationId);
      return { search: await reader.search('acme', { limit: 5 }), names };
    };
    const aborted = await store.beginImport({ fileHash: FILE_HASH, fileName: 'first.csv', rows: 1 });
    await expect(store.search('acme', { limit: 5 })).rejects.toEqual(storeError('conflict'));
    await aborted.abort();
    expect(await store.search('acme', { limit: 5 })).toEqual([]);
    await loadFixture(store);
    const after = await indexes();
    expect(after.search.map((h) => h.node.id)).toEqual(['IM-002', 'IM-001']);
    expect(after.names).toEqual(['D4', 'D1', 'D1', 'D10', 'D2', 'D3']);
  });

  it('refuses findings while this connection has an import open', async () => {
    const store = await openStore();
    const session = await store.beginImport({ fileHash: FILE_HASH, fileName: 'open.csv', rows: 0 });
    await expect(
      store.writeFindings({
        runId: 'r',
        startedAt: 'a',
        finishedAt: 'b',
        seed: 1,
        rings: [],
        parties: [],
        targets: [],
      }),
    ).rejects.toEqual(storeError('conflict'));
    await session.abort();
  });

  it('leaves no trace of an import whose process was killed before commit', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'kill-writer.ts'), path],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('writing')) resolve();
      });
      child.on('exit', () => reject(new Error(`the writer exited before it was killed: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const store = await openStore();
    expect(await store.counts()).toEqual({ nodes: { Importer: 1 }, rels: {} });
    expect((await store.listImports()).map((r) => r.fileName)).toEqual(['committed.csv']);
    expect(await store.findImport('2'.repeat(64))).toBeNull();
    // The file takes the import again, whole.
    const again = await store.beginImport({ fileHash: '2'.repeat(64), fileName: 'killed.csv', rows: 1 });
    await again.write({
      nodes: [{ ...IDS.acmeTrading, props: { name: 'Acme Trading' }, source: null }],
      rels: [],
    });
    await again.commit();
    expect((await store.counts()).nodes.Importer).toBe(2);
  });

  it('streams the smaller id of two parties of one kind, and an id that looks like a list as written', async () => {
    const store = await openStore();
    const listLike = ref('Importer', '["IM-9","IM-0"]');
    const pair = [ref('Importer', 'IM-B'), ref('Importer', 'IM-A')];
    const line = (declarationId: string) => ({
      label: 'Shipment' as const,
      id: `${declarationId}/1`,
      props: { declarationId, line: 1, date: '2024-01-02', hsCode: '6403', customsValue: 10 },
      source: null,
    });
    const party = (to: ReturnType<typeof ref>, from: string) => ({
      id: relId('IMPORTED_BY', ref('Shipment', from), to),
      type: 'IMPORTED_BY' as const,
      from: ref('Shipment', from),
      to,
      props: {},
    });
    const session = await store.beginImport({ fileHash: 'c'.repeat(64), fileName: 'parties.csv', rows: 2 });
    await session.write({
      nodes: [
        line('L1'),
        line('L2'),
        ...[listLike, ...pair].map((importer) => ({ ...importer, props: {}, source: null })),
      ],
      rels: [party(listLike, 'L1/1'), ...pair.map((importer) => party(importer, 'L2/1'))],
    });
    await session.commit();
    const streamed = [];
    for await (const shipment of store.streamShipments()) streamed.push(shipment);
    expect(streamed.map((s) => [s.declarationId, s.importerId, s.brokerId])).toEqual([
      ['L1', listLike.id, null],
      ['L2', 'IM-A', null],
    ]);
  });
});

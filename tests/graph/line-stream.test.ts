// The projection's read of declaration lines: packed chunks read on the embedded store's worker
// thread must fill the line table exactly as the ShipmentRecords do, whatever the window, and the
// thread must stop when the projection stops early or the read fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lineBuilder, finishLines } from '../../src/graph/lines.ts';
import { startLineStream } from '../../src/graph/line-stream.ts';
import type { LineTable } from '../../src/graph/view.ts';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import { streamDetectionLines } from '../../src/store/embedded/streams.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { loadFixture } from '../store/fixture.ts';

describe('the projection’s line stream', () => {
  let dir: string;
  let store: GraphStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringscope-line-stream-'));
    store = await openEmbeddedStore(join(dir, 'store.db'));
    await store.init();
    await loadFixture(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function table(
    source: Parameters<typeof startLineStream>[0],
    window: { from: string | null; to: string | null },
  ): Promise<{ table: LineTable; read: number; progress: number[] }> {
    const stream = startLineStream(source);
    const builder = lineBuilder();
    const progress: number[] = [];
    try {
      const read = await stream.appendTo(builder, window, (done) => progress.push(done));
      return { table: finishLines(builder), read, progress };
    } finally {
      await stream.close();
    }
  }

  it('fills the table from packed chunks as from records, inside and outside a window', async () => {
    const records = { streamShipments: () => store.streamShipments() };
    for (const window of [
      { from: null, to: null },
      { from: '2024-01-10', to: '2024-02-15' },
      { from: '2024-03-01', to: null },
    ]) {
      const packed = await table(store, window);
      const plain = await table(records, window);
      expect(packed).toEqual(plain);
      expect(packed.read).toBe(6);
    }
    const windowed = await table(store, { from: '2024-01-10', to: '2024-02-15' });
    expect(windowed.table.date).toEqual(['2024-01-10', '2024-01-10', '2024-01-10', '2024-02-15']);
    expect(windowed.table.partyKeys).toEqual([
      'Importer:IM-001',
      'Broker:BR-01',
      'Consignee:CO-1',
      'Supplier:SU-CN-1',
      'Supplier:SU-VN-1',
      'Importer:0090071992547409931234',
      'Importer:IM-002',
    ]);
  });

  it('stops the reader thread when closed before its lines are taken', async () => {
    const stream = startLineStream(store);
    await stream.close();
    // The store is still usable and a new read gives every line.
    expect((await table(store, { from: null, to: null })).read).toBe(6);
  });

  it('reports a store file that cannot be read, saying what failed', async () => {
    const chunks = streamDetectionLines(join(dir, 'missing.db'));
    await expect(chunks.next()).rejects.toThrow(
      /Reading the declaration lines of .*missing\.db failed: unable to open database file/,
    );
  });
});

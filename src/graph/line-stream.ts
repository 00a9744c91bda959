// The projection's read of the declaration lines into the line table. Where the store packs
// them in columns (the embedded store, on a worker thread), the read is started before the
// parties and links are built, so on two cores it is mostly done by the time the table needs it;
// otherwise the lines come as ShipmentRecords.
import type { DetectionLineChunk, GraphStore } from '../store/graph-store.ts';
import { appendLine, LineChunkReader, type LineBuilder } from './lines.ts';

type Source = Pick<GraphStore, 'streamShipments'> & Partial<Pick<GraphStore, 'streamDetectionLines'>>;

export interface LineStream {
  /** Appends the lines dated within [from, to] to the builder; returns how many lines were read. */
  appendTo(
    builder: LineBuilder,
    window: { from: string | null; to: string | null },
    progress: (done: number) => void,
  ): Promise<number>;
  /** Stops the read where it is (after appendTo, or when the projection fails before it). */
  close(): Promise<void>;
}

/** Every 100,000 lines read, as the record stream reports them. */
const PROGRESS_EVERY = 100_000;

/** Starts reading the source's lines now when it packs them; records are read by appendTo. */
export function startLineStream(source: Source): LineStream {
  if (!source.streamDetectionLines) return recordStream(source);
  const iterator = source.streamDetectionLines()[Symbol.asyncIterator]();
  const first = iterator.next();
  // A failure is reported where the chunks are taken; until then it must not count as unhandled.
  first.catch(() => undefined);
  return {
    async appendTo(builder, { from, to }, progress) {
      const reader = new LineChunkReader(builder);
      let read = 0;
      for (let next = await first; !next.done; next = await iterator.next()) {
        const chunk: DetectionLineChunk = next.value;
        reader.append(chunk, from, to);
        const before = read;
        read += chunk.size;
        for (
          let mark = (Math.floor(before / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
          mark <= read;
          mark += PROGRESS_EVERY
        )
          progress(mark);
      }
      return read;
    },
    async close() {
      await iterator.return?.();
    },
  };
}

function recordStream(source: Source): LineStream {
  return {
    async appendTo(builder, { from, to }, progress) {
      let read = 0;
      for await (const s of source.streamShipments()) {
        if (++read % PROGRESS_EVERY === 0) progress(read);
        if ((from && s.date < from) || (to && s.date > to)) continue;
        appendLine(builder, s);
      }
      return read;
    },
    async close() {},
  };
}

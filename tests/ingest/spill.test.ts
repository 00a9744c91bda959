// The rows kept between an import's two passes come back complete and in order, whether they
// stayed in memory or went to the temporary file past the memory bound.
import { describe, expect, it } from 'vitest';
import { Spill } from '../../src/ingest/spill.ts';

async function roundTrip(items: [number, Record<string, string | number>][], memoryLimit: number) {
  const spill = new Spill<[number, Record<string, string | number>]>(memoryLimit);
  try {
    for (const item of items) await spill.push(item);
    const back: unknown[] = [];
    for await (const item of spill.items()) back.push(item);
    return { back, count: spill.count };
  } finally {
    await spill.dispose();
  }
}

describe('Spill', () => {
  const items = Array.from({ length: 5000 }, (_, i): [number, Record<string, string | number>] => [
    i + 2,
    { declaration_id: `D${i}`, line: 1, description: i % 2 ? 'line\nbreak "quoted"' : 'plain' },
  ]);

  it('gives back every row in order when all stay in memory', async () => {
    const { back, count } = await roundTrip(items, 10_000);
    expect(count).toBe(items.length);
    expect(back).toEqual(items);
  });

  it('gives back every row in order when most go to the temporary file', async () => {
    const { back, count } = await roundTrip(items, 3);
    expect(count).toBe(items.length);
    expect(back).toEqual(items);
  });

  it('gives back nothing when nothing was kept', async () => {
    expect((await roundTrip([], 3)).back).toEqual([]);
  });
});

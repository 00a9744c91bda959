// Test helper: generates a world into a temporary folder and reads its files back.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generateWorld } from '../../seed/generate.ts';
import type { WorldSize } from '../../seed/sizes.ts';
import { Truth } from '../../src/eval/truth.ts';

export interface WorldFiles {
  dir: string;
  declarationsCsv: string;
  entitiesCsv: string;
  truthJson: string;
  declarations: Record<string, string>[];
  entities: Record<string, string>[];
  truth: Truth;
}

export async function generateInto(size: WorldSize, seed: number): Promise<WorldFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'ringscope-seed-'));
  await generateWorld({ size, seed, outDir: dir });
  const [declarationsCsv, entitiesCsv, truthJson] = await Promise.all(
    ['declarations.csv', 'entities.csv', 'truth.json'].map((f) => readFile(join(dir, f), 'utf8')),
  );
  const rows = (text: string) =>
    parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true });
  return {
    dir,
    declarationsCsv: declarationsCsv ?? '',
    entitiesCsv: entitiesCsv ?? '',
    truthJson: truthJson ?? '',
    declarations: rows(declarationsCsv ?? ''),
    entities: rows(entitiesCsv ?? ''),
    truth: Truth.parse(JSON.parse(truthJson ?? '')),
  };
}

export async function removeWorld(files: WorldFiles): Promise<void> {
  await rm(files.dir, { recursive: true, force: true });
}

// Test helper: generates a Meridian world into a temporary folder and reads its files back.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generateMeridian, type MeridianOptions } from '../../seed/meridian/generate.ts';
import type { Administration } from '../../seed/meridian/administrations.ts';
import { Truth } from '../../src/eval/truth.ts';

export type Row = Record<string, string>;

export interface MeridianFiles {
  dir: string;
  bytes: Record<string, string>;
  declarations: Row[];
  entities: Row[];
  entityById: Map<string, Row>;
  truth: Truth;
  administration: Administration;
}

export async function meridianInto(options: Omit<MeridianOptions, 'outDir'>): Promise<MeridianFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'ringscope-meridian-'));
  await generateMeridian({ ...options, outDir: dir });
  const bytes: Record<string, string> = {};
  for (const f of ['declarations.csv', 'entities.csv', 'truth.json', 'world.json'])
    bytes[f] = await readFile(join(dir, f), 'utf8');
  const rows = (text: string | undefined) =>
    parse<Row>(text ?? '', { columns: true, skip_empty_lines: true });
  const entities = rows(bytes['entities.csv']);
  return {
    dir,
    bytes,
    declarations: rows(bytes['declarations.csv']),
    entities,
    entityById: new Map(entities.map((e) => [e.entity_id ?? '', e])),
    truth: Truth.parse(JSON.parse(bytes['truth.json'] ?? '')),
    administration: (JSON.parse(bytes['world.json'] ?? '') as { administration: Administration })
      .administration,
  };
}

export async function removeMeridian(files: MeridianFiles): Promise<void> {
  await rm(files.dir, { recursive: true, force: true });
}

/** Declaration rows by shipment id (`declaration_id/line`). */
export function byShipment(files: MeridianFiles): Map<string, Row> {
  return new Map(files.declarations.map((r) => [`${r.declaration_id}/${r.line}`, r]));
}

/** The importers of a ring, as the truth names them. */
export function ringImporters(ring: Truth['rings'][number]): string[] {
  return ring.members.filter((m) => m.label === 'Importer').map((m) => m.id);
}

// Planted duplicates: new ids of the original's shape, changed names, the pairs in variants.json.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { plantVariants } from '../../seed/variants.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const HEADER =
  'entity_id,kind,name,country,registered_on,closed_on,address,phone,email,bank_account,director_ids\n';

describe('plantVariants', () => {
  it('duplicates firms under ids of the same shape and records the pairs', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-variants-'));
    let rows = HEADER;
    for (let i = 0; i < 40; i++)
      rows += `IM-${String(i).padStart(5, '0')},importer,Norex Trading B.V.,NL,,,Kade ${i},,,,\n`;
    for (let i = 0; i < 40; i++)
      rows += `NLC${String(i).padStart(8, '0')},consignee,Apex Supply Ltd,NL,,,,,,,\n`;
    rows += 'PE-00001,person,Jan Jansen,NL,,,,,,,\n';
    await writeFile(join(dir, 'entities.csv'), rows);
    const { truth } = await plantVariants(dir, 0.5, 7);
    expect(truth.pairs.length).toBeGreaterThan(20);
    for (const pair of truth.pairs) {
      const id = pair.duplicate.split(':')[1]!;
      expect(id).toMatch(pair.original.startsWith('Importer:') ? /^IM-\d{5}$/ : /^NLC\d{8}$/);
      expect(pair.changes.length).toBeGreaterThan(0);
    }
    const written = await readFile(join(dir, 'entities.csv'), 'utf8');
    expect(written.startsWith(rows)).toBe(true);
    expect(written.trim().split('\n')).toHaveLength(1 + 81 + truth.pairs.length);
  });

  it('refuses a share outside (0, 0.5]', async () => {
    await expect(plantVariants('/nonexistent', 0.6, 1)).rejects.toThrow(
      'seed: --variants: a share in (0, 0.5], got 0.6',
    );
  });
});

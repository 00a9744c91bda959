// Writes a Meridian world in the canonical format: declarations.csv (with inspection labels),
// entities.csv (the registry) and truth.json (src/eval/truth.ts's schema).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Rng } from '../../src/model/rng.ts';
import { Truth, TRUTH_VERSION, type IllicitLine } from '../../src/eval/truth.ts';
import { ChunkedWriter, DECLARATION_COLUMNS, ENTITY_COLUMNS, csvRow } from '../csv.ts';
import type { MeridianParams } from './params.ts';
import { PERIOD_DAYS, isoDay, type Declaration, type PricedLine, type World } from './world.ts';

/** Share of lawful lines inspected (and found clean). */
export const LAWFUL_INSPECTION_RATE = 0.02;

export interface WrittenWorld {
  declarationsPath: string;
  entitiesPath: string;
  truthPath: string;
  /** The generator, its parameters and the administration (currency, de-minimis). */
  worldPath: string;
  truth: Truth;
}

interface Tally {
  lines: number;
  seized: number;
  illicit: Map<string, IllicitLine[]>;
}

function declarationId(d: Declaration, n: number): string {
  return `${isoDay(d.day).replace(/-/g, '')}-${String(n).padStart(7, '0')}`;
}

function lineRow(
  world: World,
  d: Declaration,
  id: string,
  no: number,
  l: PricedLine,
  inspected: boolean,
): string {
  const name = (pid: string | null) =>
    pid ? (world.party(pid).declaredName ?? world.party(pid).name) : null;
  const supplierCountry = d.supplierId && d.showSupplierCountry ? world.party(d.supplierId).country : null;
  return csvRow([
    id,
    no,
    isoDay(d.day),
    d.office,
    d.importerId,
    name(d.importerId),
    d.brokerId,
    name(d.brokerId),
    d.consigneeId,
    name(d.consigneeId),
    d.supplierId,
    name(d.supplierId),
    supplierCountry,
    l.hs,
    l.description,
    l.origin,
    l.departure,
    l.quantity,
    l.netKg.toFixed(1),
    l.grossKg === null ? null : l.grossKg.toFixed(1),
    l.value.toFixed(2),
    l.currency,
    l.dutyPaid.toFixed(2),
    String(inspected),
    inspected ? String(l.ringId !== null) : null,
    inspected && l.ringId !== null ? l.revenueAtRisk.toFixed(2) : null,
  ]);
}

async function writeDeclarations(world: World, path: string): Promise<Tally> {
  const labels = Rng.derive(world.params.seed, 'meridian:labels');
  const out = new ChunkedWriter(path);
  await out.write(csvRow(DECLARATION_COLUMNS));
  const ordered = world.declarations.slice().sort((a, b) => a.day - b.day || a.seq - b.seq);
  const tally: Tally = { lines: 0, seized: 0, illicit: new Map() };
  for (const [n, d] of ordered.entries()) {
    const id = declarationId(d, n + 1);
    for (const [i, l] of d.lines.entries()) {
      const inspected = labels.chance(
        l.ringId !== null ? world.params.labelCoverage : LAWFUL_INSPECTION_RATE,
      );
      await out.write(lineRow(world, d, id, i + 1, l, inspected));
      tally.lines++;
      if (l.ringId === null) continue;
      if (inspected) tally.seized++;
      const list = tally.illicit.get(l.ringId) ?? [];
      list.push({ id: `${id}/${i + 1}`, revenueAtRisk: l.revenueAtRisk });
      tally.illicit.set(l.ringId, list);
    }
  }
  await out.close();
  return tally;
}

async function writeEntities(world: World, path: string): Promise<number> {
  const out = new ChunkedWriter(path);
  await out.write(csvRow(ENTITY_COLUMNS));
  let rows = 0;
  for (const p of world.parties.values()) {
    if (!p.inRegistry) continue;
    rows++;
    await out.write(
      csvRow([
        p.id,
        p.kind,
        p.name,
        p.country,
        p.registeredOn === null ? null : isoDay(p.registeredOn),
        p.closedOn === null ? null : isoDay(p.closedOn),
        p.address,
        p.phone,
        p.email,
        p.bankAccount,
        p.directorIds.join(';') || null,
      ]),
    );
  }
  await out.close();
  return rows;
}

export async function writeWorld(
  world: World,
  params: MeridianParams,
  outDir: string,
): Promise<WrittenWorld> {
  const declarationsPath = join(outDir, 'declarations.csv');
  const entitiesPath = join(outDir, 'entities.csv');
  const truthPath = join(outDir, 'truth.json');
  const tally = await writeDeclarations(world, declarationsPath);
  const entities = await writeEntities(world, entitiesPath);
  const rings = world.rings.map((r) => {
    const illicitLines = tally.illicit.get(r.id) ?? [];
    if (illicitLines.length === 0) throw new Error(`meridian: ring ${r.id} has no illicit line`);
    const revenueAtRisk = Math.round(illicitLines.reduce((a, l) => a + l.revenueAtRisk, 0) * 100) / 100;
    return { ...r, illicitLines, revenueAtRisk };
  });
  const truth = Truth.parse({
    version: TRUTH_VERSION,
    generator: 'meridian',
    seed: params.seed,
    size: params.size,
    period: { from: isoDay(0), to: isoDay(PERIOD_DAYS - 1) },
    currency: world.admin.currency,
    counts: {
      declarations: world.declarations.length,
      lines: tally.lines,
      entities,
      illicitLines: rings.reduce((a, r) => a + r.illicitLines.length, 0),
      seizedLines: tally.seized,
    },
    rings,
    lookAlikes: world.lookAlikes,
  });
  await writeFile(truthPath, JSON.stringify(truth, null, 2) + '\n');
  // What truth.json has no field for: the generator, its parameters and the administration.
  const worldPath = join(outDir, 'world.json');
  await writeFile(
    worldPath,
    JSON.stringify({ generator: 'meridian', params, administration: world.admin }, null, 2) + '\n',
  );
  return { declarationsPath, entitiesPath, truthPath, worldPath, truth };
}

// Generates a world: the lawful population, the planted rings, then declarations day by day
// (lawful and ring declarations interleaved) streamed to declarations.csv, the registry to
// entities.csv and the ground truth to truth.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PERIOD_DAYS, apportion, dayWeights, isoDay } from './calendar.ts';
import {
  ChunkedWriter,
  DECLARATION_COLUMNS,
  ENTITY_COLUMNS,
  csvRow,
  declarationRow,
  entityRow,
} from './csv.ts';
import { Rng } from '../src/model/rng.ts';
import { sizePlan, type WorldSize } from './sizes.ts';
import { LawfulTrade } from './trade.ts';
import {
  TRUTH_VERSION,
  type IllicitLine,
  type PlantedRing,
  type PlantedTypology,
  type Truth,
} from '../src/eval/truth.ts';
import type { PlantContext, RingDraft } from './typologies/common.ts';
import { plant as brokerCentred } from './typologies/broker-centred.ts';
import { plant as originMisdeclaration } from './typologies/origin-misdeclaration.ts';
import { plant as phoenix } from './typologies/phoenix.ts';
import { plant as sharedIdentifiers } from './typologies/shared-identifiers.ts';
import { plant as splitShipments } from './typologies/split-shipments.ts';
import { plant as undervaluation } from './typologies/undervaluation.ts';
import type { DeclarationDraft } from './types.ts';
import { buildWorld, type World } from './world.ts';

export const TYPOLOGY_PLANTERS: Record<PlantedTypology, (ctx: PlantContext) => RingDraft> = {
  shared_identifiers: sharedIdentifiers,
  broker_centred: brokerCentred,
  phoenix,
  undervaluation,
  origin_misdeclaration: originMisdeclaration,
  split_shipments: splitShipments,
};

/** Share of inspected lines among lawful and among illicit lines (targeting finds more fraud). */
const INSPECTION_RATE = { lawful: 0.03, illicit: 0.15 } as const;

export interface GenerateOptions {
  size: WorldSize;
  seed: number;
  outDir: string;
  /** Called now and then with lines written so far and the total. */
  onProgress?: (linesWritten: number, totalLines: number) => void;
}

export interface GenerateResult {
  declarationsPath: string;
  entitiesPath: string;
  truthPath: string;
  truth: Truth;
}

export async function generateWorld(options: GenerateOptions): Promise<GenerateResult> {
  const { size, seed, outDir } = options;
  const plan = sizePlan(size);
  const world = buildWorld(seed, plan);
  const rings = plantRings(seed, world, plan.lines, plan.ringsPerTypology, plan.maxRingMembers);

  const ringDeclarations = rings.flatMap((r) => r.draft.declarations).sort((a, b) => a.day - b.day);
  const ringLines = ringDeclarations.reduce((n, d) => n + d.lines.length, 0);
  const lawfulQuota = apportion(plan.lines - ringLines, dayWeights());

  await mkdir(outDir, { recursive: true });
  const declarationsPath = join(outDir, 'declarations.csv');
  const entitiesPath = join(outDir, 'entities.csv');
  const truthPath = join(outDir, 'truth.json');

  const trade = new LawfulTrade(seed, world);
  const order = Rng.derive(seed, 'order');
  const inspection = Rng.derive(seed, 'inspection');
  const illicitByRing = new Map<string, IllicitLine[]>();
  const out = new ChunkedWriter(declarationsPath);
  await out.write(csvRow(DECLARATION_COLUMNS));
  let declarationSeq = 0;
  let linesWritten = 0;
  let seized = 0;
  const writeDeclaration = async (d: DeclarationDraft): Promise<void> => {
    declarationSeq++;
    const declarationId = `${isoDay(d.day).slice(2, 4)}${String(declarationSeq).padStart(8, '0')}`;
    for (const [i, line] of d.lines.entries()) {
      const inspected = inspection.chance(line.illicit ? INSPECTION_RATE.illicit : INSPECTION_RATE.lawful);
      if (inspected && line.illicit) seized++;
      await out.write(
        declarationRow(world.registry, declarationId, i + 1, d, line, {
          inspected,
          illicit: inspected ? line.illicit : null,
          revenueRecovered: inspected ? line.revenueAtRisk : null,
        }),
      );
      if (line.illicit && d.ringId) {
        const list = illicitByRing.get(d.ringId) ?? [];
        list.push({ id: `${declarationId}/${i + 1}`, revenueAtRisk: line.revenueAtRisk });
        illicitByRing.set(d.ringId, list);
      }
      linesWritten++;
    }
  };
  let ringCursor = 0;
  for (let day = 0; day < PERIOD_DAYS; day++) {
    const quota = lawfulQuota[day] ?? 0;
    // Ring declarations go in after a random number of the day's lawful lines, so the day is
    // written as it is generated and never held in memory.
    const todaysRings: { after: number; declaration: DeclarationDraft }[] = [];
    for (; ringCursor < ringDeclarations.length && ringDeclarations[ringCursor]?.day === day; ringCursor++) {
      const d = ringDeclarations[ringCursor];
      if (d) todaysRings.push({ after: order.int(0, quota), declaration: d });
    }
    todaysRings.sort((a, b) => a.after - b.after);
    let next = 0;
    for (let done = 0; done < quota || next < todaysRings.length;) {
      const ring = todaysRings[next];
      if (ring && (ring.after <= done || done >= quota)) {
        await writeDeclaration(ring.declaration);
        next++;
        continue;
      }
      const d = trade.declaration(day, quota - done);
      done += d.lines.length;
      await writeDeclaration(d);
    }
    options.onProgress?.(linesWritten, plan.lines);
  }
  await out.close();

  await writeEntities(entitiesPath, world);
  const truth = truthOf(options, world, rings, illicitByRing, {
    declarations: declarationSeq,
    lines: linesWritten,
    seizedLines: seized,
  });
  await writeFile(truthPath, JSON.stringify(truth, null, 2) + '\n');
  return { declarationsPath, entitiesPath, truthPath, truth };
}

/** The registry as entities.csv, in id order. */
async function writeEntities(entitiesPath: string, world: World): Promise<void> {
  const entities = new ChunkedWriter(entitiesPath);
  await entities.write(csvRow(ENTITY_COLUMNS));
  for (const e of world.registry.sorted()) await entities.write(entityRow(e));
  await entities.close();
}

/** The ground truth of the world written: its planted rings with their illicit lines, and its counts. */
function truthOf(
  { seed, size }: GenerateOptions,
  world: World,
  rings: readonly { id: string; draft: RingDraft }[],
  illicitByRing: ReadonlyMap<string, IllicitLine[]>,
  written: { declarations: number; lines: number; seizedLines: number },
): Truth {
  const plantedRings: PlantedRing[] = rings.map(({ id, draft }) => {
    const illicitLines = illicitByRing.get(id) ?? [];
    return {
      id,
      typology: draft.typology,
      description: draft.description,
      members: draft.members,
      illicitLines,
      revenueAtRisk: Math.round(illicitLines.reduce((s, l) => s + l.revenueAtRisk, 0) * 100) / 100,
    };
  });
  const truth: Truth = {
    version: TRUTH_VERSION,
    generator: 'ringscope-seed',
    seed,
    size,
    period: { from: isoDay(0), to: isoDay(PERIOD_DAYS - 1) },
    currency: 'EUR',
    counts: {
      declarations: written.declarations,
      lines: written.lines,
      entities: world.registry.size,
      illicitLines: plantedRings.reduce((n, r) => n + r.illicitLines.length, 0),
      seizedLines: written.seizedLines,
    },
    rings: plantedRings,
    lookAlikes: world.lookAlikes,
  };
  return truth;
}

/** Plants every typology's rings, sharing an illicit-line budget of 1.6–2.4% of all lines. */
function plantRings(
  seed: number,
  world: World,
  lines: number,
  perTypology: number,
  maxMembers: number,
): { id: string; draft: RingDraft }[] {
  const rng = Rng.derive(seed, 'rings');
  const typologies = Object.keys(TYPOLOGY_PLANTERS) as PlantedTypology[];
  const ringCount = typologies.length * perTypology;
  const budget = Math.round(lines * (0.016 + rng.next() * 0.008));
  // Ring sizes in lines vary (log-normal shares), and every ring gets at least three lines.
  const shares = Array.from({ length: ringCount }, () => rng.logNormal(1, 0.5));
  const perRing = apportion(budget, shares).map((n) => Math.max(3, n));
  const rings: { id: string; draft: RingDraft }[] = [];
  let k = 0;
  for (const typology of typologies) {
    for (let i = 0; i < perTypology; i++) {
      const id = `T-${typology}-${i + 1}`;
      const ctx: PlantContext = {
        rng: Rng.derive(seed, id),
        world,
        ringId: id,
        illicitLines: perRing[k++] ?? 3,
        maxMembers,
      };
      rings.push({ id, draft: TYPOLOGY_PLANTERS[typology](ctx) });
    }
  }
  return rings;
}

// Origin switches: per importer and heading, the origins it declared and when; the switches
// from one origin to a cheaper one (every old line before every new one); and those whose new
// route lives off the switch, grouped per producer left. The phases of the switch path of
// origin-misdeclaration.ts.
import { UnionFind } from '../graph/union-find.ts';
import type { lineGroups } from '../graph/line-groups.ts';
import { compareKeys, type DetectionView, type LineTable } from '../graph/view.ts';
import type { OriginMisdeclarationOptions } from './origin-misdeclaration.ts';

interface OriginUse {
  origin: string;
  lines: number[];
  first: string;
  last: string;
}

export interface Switch {
  importer: string;
  heading: string;
  /** The heading's index in lineGroups(lines).keys. */
  headingGroup: number;
  fromOrigin: string;
  toOrigin: string;
  before: number[];
  after: number[];
}

/**
 * What every phase reads: importer and heading (or supplier and heading) as one number, party
 * index × headings + heading group, and the duty rate of a heading from an origin.
 */
export interface Context {
  view: DetectionView;
  lines: LineTable;
  lineGroup: ReturnType<typeof lineGroups>;
  /** Number of line groups: the multiplier of a party index in a party–heading key. */
  G: number;
  rate: (heading: string, origin: string) => number | null;
}

export type KeptSwitch = Switch & { from: string[]; to: string[]; toSuppliers: number[] };

function bump(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * importer|heading → the origins it declared, in order of first use, with their lines (lines come
 * in date order); and each supplier's lines per heading, to tell a dedicated route from a market
 * supplier. Most importers declare one origin per heading: a short list beats a map per key.
 */
export function originUses(c: Context): {
  uses: Map<number, OriginUse[]>;
  supplierLines: Map<number, number>;
} {
  const { lines, lineGroup, G } = c;
  const uses = new Map<number, OriginUse[]>();
  const supplierLines = new Map<number, number>();
  // A declaration's lines mostly repeat importer, supplier, heading and origin: the previous
  // line's answers serve without the map lookups (supplier counts are added when the run ends).
  let lastKey = -1;
  let lastOrigin = '';
  let lastUse: OriginUse | null = null;
  let runSupplier = -1;
  let run = 0;
  for (let i = 0; i < lines.size; i++) {
    const m = lines.importer[i]!;
    const origin = lines.origin[i];
    if (m < 0 || !origin) continue;
    const h = lineGroup.heading[i]!;
    const s = lines.supplier[i]!;
    if (s >= 0) {
      const supplierHeading = s * G + h;
      if (supplierHeading !== runSupplier) {
        if (run > 0) supplierLines.set(runSupplier, (supplierLines.get(runSupplier) ?? 0) + run);
        [runSupplier, run] = [supplierHeading, 0];
      }
      run += 1;
    }
    const key = m * G + h;
    if (lastUse && key === lastKey && origin === lastOrigin) {
      lastUse.lines.push(i);
      lastUse.last = lines.date[i]!;
      continue;
    }
    let byOrigin = uses.get(key);
    if (!byOrigin) uses.set(key, (byOrigin = []));
    let use = byOrigin.find((u) => u.origin === origin);
    if (use) {
      use.lines.push(i);
      use.last = lines.date[i]!;
    } else byOrigin.push((use = { origin, lines: [i], first: lines.date[i]!, last: lines.date[i]! }));
    lastKey = key;
    lastOrigin = origin;
    lastUse = use;
  }
  if (run > 0) supplierLines.set(runSupplier, (supplierLines.get(runSupplier) ?? 0) + run);
  return { uses, supplierLines };
}

/** Clean switches: every line of the old origin before every line of the new, to a cheaper origin. */
export function cleanSwitches(
  c: Context,
  uses: Map<number, OriginUse[]>,
  o: OriginMisdeclarationOptions,
): Switch[] {
  const { lines, lineGroup, G, rate } = c;
  const importerOf = (key: number): string => lines.partyKeys[Math.floor(key / G)]!;
  const headingOf = (key: number): string => lineGroup.keys[key % G]!;
  const switches: Switch[] = [];
  // Only an importer and heading with two origins of enough lines each can switch: those alone
  // are ordered.
  const candidates: [number, OriginUse[]][] = [];
  for (const [key, byOrigin] of uses) {
    const origins = byOrigin.filter((u) => u.lines.length >= o.minLinesEachSide);
    if (origins.length >= 2) candidates.push([key, origins]);
  }
  candidates.sort(
    (a, b) =>
      compareKeys(importerOf(a[0]), importerOf(b[0])) || compareKeys(headingOf(a[0]), headingOf(b[0])),
  );
  for (const [key, origins] of candidates) {
    const importer = importerOf(key);
    const heading = headingOf(key);
    for (const old of origins) {
      for (const next of origins) {
        if (old === next || old.last > next.first) continue;
        const oldRate = rate(heading, old.origin);
        const newRate = rate(heading, next.origin);
        if (oldRate === null || newRate === null || oldRate - newRate < o.minDutyGap) continue;
        switches.push({
          importer,
          heading,
          headingGroup: key % G,
          fromOrigin: old.origin,
          toOrigin: next.origin,
          before: old.lines,
          after: next.lines,
        });
      }
    }
  }
  return switches;
}

/**
 * The switches whose new route's suppliers live off the switch (most of their lines in the
 * heading are rerouted ones) and whose old goods came from one producer; grouped per producer.
 */
export function dedicatedSwitches(
  c: Context,
  switches: readonly Switch[],
  supplierLines: Map<number, number>,
  o: OriginMisdeclarationOptions,
): { kept: KeptSwitch[]; groups: UnionFind } {
  const { lines, G } = c;
  const rerouted = new Map<number, number>();
  for (const sw of switches) {
    for (const i of sw.after) {
      const s = lines.supplier[i] ?? -1;
      if (s >= 0) bump(rerouted, s * G + sw.headingGroup);
    }
  }
  const dedicated = (supplierHeading: number): boolean =>
    (rerouted.get(supplierHeading) ?? 0) >=
    o.minDedicatedShare * (supplierLines.get(supplierHeading) ?? Infinity);
  const suppliersOf = (ids: readonly number[]): number[] =>
    [...new Set(ids.map((i) => lines.supplier[i] ?? -1))].filter((s) => s >= 0);
  const groups = new UnionFind();
  const kept: KeptSwitch[] = [];
  for (const sw of switches) {
    const toSuppliers = suppliersOf(sw.after).filter((s) => dedicated(s * G + sw.headingGroup));
    if (toSuppliers.length === 0) continue;
    const to = toSuppliers.map((s) => lines.partyKeys[s]!);
    const from = suppliersOf(sw.before).map((s) => lines.partyKeys[s]!);
    // The old goods came from one producer; an importer shopping around many suppliers is a market.
    if (from.length !== 1) continue;
    kept.push({ ...sw, from, to, toSuppliers });
    // One scheme per producer: importers leaving the same supplier for the same goods.
    groups.union(sw.importer, `${from[0]}\t${sw.heading}`);
  }
  return { kept, groups };
}

/** Who bought the new routes' suppliers' goods, per supplier and heading (for their other buyers). */
export function routeBuyers(c: Context, kept: readonly KeptSwitch[]): Map<number, Set<string>> {
  const { lines, lineGroup, G } = c;
  const routes = new Set(kept.flatMap((sw) => sw.toSuppliers));
  const buyers = new Map<number, Set<string>>();
  for (let i = 0; i < lines.size; i++) {
    const s = lines.supplier[i] ?? -1;
    const m = lines.importer[i] ?? -1;
    if (s < 0 || m < 0 || !routes.has(s)) continue;
    const key = s * G + lineGroup.heading[i]!;
    let set = buyers.get(key);
    if (!set) buyers.set(key, (set = new Set()));
    set.add(lines.partyKeys[m]!);
  }
  return buyers;
}

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
 * in date order). Lines are taken importer by importer (counted, then placed), so a heading's
 * uses are found in an array by heading group rather than a map of every importer and heading;
 * most importers declare one origin per heading, so a short list serves per heading.
 */
export function originUses(c: Context): Map<number, OriginUse[]> {
  const { lines, lineGroup, G } = c;
  const parties = lines.partyKeys.length;
  const start = new Int32Array(parties + 1);
  for (let i = 0; i < lines.size; i++)
    if (lines.importer[i]! >= 0 && lines.origin[i]) start[lines.importer[i]! + 1]! += 1;
  for (let p = 0; p < parties; p++) start[p + 1]! += start[p]!;
  const byImporter = new Int32Array(start[parties]!);
  const next = start.slice(0, parties);
  for (let i = 0; i < lines.size; i++)
    if (lines.importer[i]! >= 0 && lines.origin[i]) byImporter[next[lines.importer[i]!]!++] = i;
  const uses = new Map<number, OriginUse[]>();
  const byHeading: (OriginUse[] | undefined)[] = new Array<OriginUse[] | undefined>(G);
  const touched: number[] = [];
  for (let m = 0; m < parties; m++) {
    // A declaration's lines mostly repeat heading and origin: the previous line's use serves.
    let lastUse: OriginUse | null = null;
    let lastHeading = -1;
    for (let k = start[m]!; k < start[m + 1]!; k++) {
      const i = byImporter[k]!;
      const origin = lines.origin[i]!;
      const h = lineGroup.heading[i]!;
      let use: OriginUse | undefined =
        lastUse && h === lastHeading && origin === lastUse.origin ? lastUse : undefined;
      if (!use) {
        let list = byHeading[h];
        if (!list) {
          byHeading[h] = list = [];
          touched.push(h);
        }
        use = list.find((u) => u.origin === origin);
        if (!use) {
          list.push((use = { origin, lines: [], first: lines.date[i]!, last: '' }));
        }
      }
      use.lines.push(i);
      use.last = lines.date[i]!;
      lastUse = use;
      lastHeading = h;
    }
    for (const h of touched) {
      uses.set(m * G + h, byHeading[h]!);
      byHeading[h] = undefined;
    }
    touched.length = 0;
  }
  return uses;
}

/**
 * Each supplier's lines per heading (supplier index × G + heading group) with an importer and a
 * declared origin, for the suppliers flagged: to tell a dedicated route from a market supplier.
 */
function supplierLines(c: Context, flagged: Uint8Array): Map<number, number> {
  const { lines, lineGroup, G } = c;
  const counts = new Map<number, number>();
  for (let i = 0; i < lines.size; i++) {
    const s = lines.supplier[i]!;
    if (s < 0 || flagged[s] !== 1 || lines.importer[i]! < 0 || !lines.origin[i]) continue;
    bump(counts, s * G + lineGroup.heading[i]!);
  }
  return counts;
}

/** Clean switches: every line of the old origin before every line of the new, to a cheaper origin. */
export function cleanSwitches(
  c: Context,
  uses: ReadonlyMap<number, OriginUse[]>,
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
  o: OriginMisdeclarationOptions,
): { kept: KeptSwitch[]; groups: UnionFind } {
  const { lines, G } = c;
  const rerouted = new Map<number, number>();
  const newRoutes = new Uint8Array(lines.partyKeys.length);
  for (const sw of switches) {
    for (const i of sw.after) {
      const s = lines.supplier[i] ?? -1;
      if (s < 0) continue;
      bump(rerouted, s * G + sw.headingGroup);
      newRoutes[s] = 1;
    }
  }
  const all = supplierLines(c, newRoutes);
  const dedicated = (supplierHeading: number): boolean =>
    (rerouted.get(supplierHeading) ?? 0) >= o.minDedicatedShare * (all.get(supplierHeading) ?? Infinity);
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

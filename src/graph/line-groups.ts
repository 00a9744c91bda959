// Statistics per HS heading and per heading+origin over the line table: robust unit values and
// usual duty rates. Each line's two groups are resolved once to small integers, so the passes
// over millions of lines compare numbers instead of building `heading|origin` strings.
import { median, robustScale } from './robust.ts';
import { hsHeading, type LineTable, type UnitValueGroup } from './view.ts';

/** Each line's heading group and heading+origin group, as indices into `keys`. */
export interface LineGroups {
  keys: string[];
  heading: Int32Array;
  headingOrigin: Int32Array;
}

const cache = new WeakMap<LineTable, LineGroups>();

export function lineGroups(table: LineTable): LineGroups {
  const cached = cache.get(table);
  if (cached && cached.heading.length === table.size) return cached;
  const keys: string[] = [];
  const index = new Map<string, number>();
  const groupOf = (key: string): number => {
    let g = index.get(key);
    if (g === undefined) {
      g = keys.length;
      keys.push(key);
      index.set(key, g);
    }
    return g;
  };
  // hsCode and origin strings repeat; resolve each (hsCode, origin) pair once.
  const byCode = new Map<string, Map<string, [number, number]>>();
  const heading = new Int32Array(table.size);
  const headingOrigin = new Int32Array(table.size);
  for (let i = 0; i < table.size; i++) {
    const code = table.hsCode[i] ?? '';
    const origin = table.origin[i] ?? '??';
    let byOrigin = byCode.get(code);
    if (!byOrigin) byCode.set(code, (byOrigin = new Map<string, [number, number]>()));
    let pair = byOrigin.get(origin);
    if (!pair) {
      const h = hsHeading(code);
      pair = [groupOf(h), groupOf(`${h}|${origin}`)];
      byOrigin.set(origin, pair);
    }
    heading[i] = pair[0];
    headingOrigin[i] = pair[1];
  }
  const groups = { keys, heading, headingOrigin };
  cache.set(table, groups);
  return groups;
}

export interface UnitValueOptions {
  /** Fewest lines a heading+origin group needs before its own statistics are trusted. */
  minGroupLines: number;
  /** Floor on the robust scale of log unit value (0.05 ≈ 5 %), so tight groups do not explode. */
  minScale: number;
}

function groupStats(key: string, logs: number[], minScale: number): UnitValueGroup {
  const centre = median(logs);
  return {
    key,
    count: logs.length,
    medianLogUnitValue: centre,
    scale: Math.max(minScale, robustScale(logs, centre)),
  };
}

/** Values per group, collected over the lines where `valueOf` gives a number. */
function collect(table: LineTable, groups: LineGroups, valueOf: (i: number) => number): number[][] {
  const byGroup: number[][] = groups.keys.map(() => []);
  for (let i = 0; i < table.size; i++) {
    const v = valueOf(i);
    if (Number.isNaN(v)) continue;
    byGroup[groups.heading[i]!]!.push(v);
    byGroup[groups.headingOrigin[i]!]!.push(v);
  }
  return byGroup;
}

/**
 * Robust z-scores of log unit value per HS heading and origin, falling back to the heading
 * alone where the heading+origin group is too small to trust. Fills unitValueZScore and
 * expectedValue in place and returns the groups used.
 */
export function scoreUnitValues(table: LineTable, options: UnitValueOptions): Map<string, UnitValueGroup> {
  const groups = lineGroups(table);
  const logs = collect(table, groups, (i) => {
    const uv = table.unitValue[i] ?? Number.NaN;
    return uv > 0 ? Math.log(uv) : Number.NaN;
  });
  const stats: (UnitValueGroup | undefined)[] = groups.keys.map((key, g) => {
    const list = logs[g]!;
    if (list.length === 0) return undefined;
    return list.length >= options.minGroupLines || !key.includes('|')
      ? groupStats(key, list, options.minScale)
      : undefined;
  });
  for (let i = 0; i < table.size; i++) {
    const uv = table.unitValue[i] ?? Number.NaN;
    if (!(uv > 0)) continue;
    const group = stats[groups.headingOrigin[i]!] ?? stats[groups.heading[i]!];
    if (!group || group.count < options.minGroupLines) continue;
    table.unitValueZScore[i] = (Math.log(uv) - group.medianLogUnitValue) / group.scale;
    table.expectedValue[i] = ((table.customsValue[i] ?? 0) / uv) * Math.exp(group.medianLogUnitValue);
  }
  return new Map(stats.filter((g): g is UnitValueGroup => g !== undefined).map((g) => [g.key, g]));
}

/**
 * Median duty rate per `heading|origin` (and per heading): the stated rate, else the rate implied
 * by duty paid ÷ customs value. Medians, so the few lines that evade do not move the rate.
 */
export function dutyRatesByGroup(table: LineTable): Map<string, number> {
  const groups = lineGroups(table);
  const rates = collect(table, groups, (i) => {
    const stated = table.dutyRate[i] ?? Number.NaN;
    if (!Number.isNaN(stated)) return stated;
    const paid = table.dutyPaid[i] ?? Number.NaN;
    const value = table.customsValue[i] ?? 0;
    return !Number.isNaN(paid) && value > 0 ? paid / value : Number.NaN;
  });
  const out = new Map<string, number>();
  groups.keys.forEach((key, g) => {
    if (rates[g]!.length > 0) out.set(key, median(rates[g]!));
  });
  return out;
}

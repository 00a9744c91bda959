// Origin misdeclaration without a switch: goods declared as originating in one country while
// their supplier sits in (or the goods departed from) a country whose goods pay more — an
// anti-dumping surcharge the declared origin escapes, or a duty gap. A supplier that lives off
// such lines, with the importers buying them, is a ring from the first line on.
import { lineGroups } from '../graph/line-groups.ts';
import { UnionFind } from '../graph/union-find.ts';
import { hsHeading, type DetectionView } from '../graph/view.ts';
import { byMembers, type CandidateRing, clamp01, declarationOf, evidence, member } from './candidate.ts';
import { idOf, listing } from './phrasing.ts';

export interface MismatchOptions {
  /** Lines a supplier must have declared from another origin than its own country. */
  minMismatchLines: number;
  /** Share of the supplier's lines of those headings that must be mismatched. */
  minMismatchShare: number;
  /** Without a surcharge, the supplier's country must pay at least this much more (0.1 = 10 points). */
  minMismatchGap: number;
  /**
   * Lines of one supplier, heading and declared origin that departed from a country whose goods
   * pay a surcharge the declared origin escapes: from this many on, every line of that supplier,
   * heading and declared origin is judged as coming from there (a trading arm invoicing the
   * producer's goods, with the hub or nothing as departure on most lines). Unset: line by line only.
   */
  minDepartureLines?: number;
  minImporters: number;
  transshipmentHubs: readonly string[];
  weights: { origin_differs_from_supplier: number; lower_duty_origin: number; known_hub: number };
}

/** Each line's HS heading, the line groups' own string (no slice of the code per line). */
function lineHeadings(lines: DetectionView['lines']): (i: number) => string {
  const groups = lineGroups(lines);
  return (i) => groups.keys[groups.heading[i]!]!;
}

export interface Rates {
  rate: (heading: string, origin: string) => number;
  surcharge: (heading: string, origin: string) => number;
}

interface Mismatch {
  line: number;
  source: string;
  gap: number;
}

/**
 * A function telling, for line i, the country the goods really come from when it is not the
 * declared one and duty depends on it (null otherwise). Supplier countries and verdicts per
 * heading, source and declared origin are cached: most lines repeat a few combinations.
 */
export function mismatchFinder(
  view: DetectionView,
  rates: Rates,
  o: Pick<MismatchOptions, 'minMismatchGap' | 'minDepartureLines'>,
): (i: number) => Mismatch | null {
  const { lines } = view;
  const headingOf = lineHeadings(lines);
  const countries = new Map<number, string | null>();
  const countryOf = (s: number): string | null => {
    let c = countries.get(s);
    if (c === undefined) {
      const key = lines.partyKeys[s]!;
      c = view.graph.hasNode(key) ? view.graph.getNodeAttribute(key, 'country') : null;
      countries.set(s, c);
    }
    return c;
  };
  // minGap → heading → source → declared origin → verdict: the strings are the table's own
  // (shared, hashed once), so no key is built per line.
  const verdicts = new Map<number, Map<string, Map<string, Map<string, number | null>>>>();
  const level = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
    let v = map.get(key);
    if (v === undefined) map.set(key, (v = make()));
    return v;
  };
  /** The duty gap when the source's goods pay more (a surcharge, or `minGap`), else null. */
  const gapOf = (heading: string, source: string, declared: string, minGap: number): number | null => {
    type Verdicts = Map<string, number | null>;
    const byHeading = level(verdicts, minGap, () => new Map<string, Map<string, Verdicts>>());
    const bySource = level(byHeading, heading, () => new Map<string, Verdicts>());
    const byDeclared = level(bySource, source, (): Verdicts => new Map());
    let v = byDeclared.get(declared);
    if (v === undefined) {
      const surcharged = rates.surcharge(heading, source) > rates.surcharge(heading, declared);
      const gap = rates.rate(heading, source) - rates.rate(heading, declared);
      v = surcharged || gap >= minGap ? gap : null;
      byDeclared.set(declared, v);
    }
    return v;
  };
  /** The duty (a surcharge, or at least `minGap`) a line's departure shows its goods escape, or null. */
  type Escape = (i: number, s: number, declared: string, heading: string, minGap: number) => Mismatch | null;
  const escapedAt: Escape = (i, s, declared, heading, minGap) => {
    const departure = lines.departure[i];
    if (!departure || departure === declared || departure === countryOf(s)) return null;
    const gap = gapOf(heading, departure, declared, minGap);
    return gap === null ? null : { line: i, source: departure, gap };
  };
  const bySource =
    o.minDepartureLines === undefined
      ? null
      : supplierSources(
          view,
          headingOf,
          (i, s, d, h) => escapedAt(i, s, d, h, Infinity),
          o.minDepartureLines,
        );
  const sourcedSuppliers = bySource && new Set([...bySource.keys()].map((k) => Number(k.split('|')[0])));
  return (i) => {
    const declared = lines.origin[i];
    const s = lines.supplier[i] ?? -1;
    if (!declared || s < 0) return null;
    const country = countryOf(s);
    const departure = lines.departure[i];
    // Most lines are neither from a sourced supplier nor mismatched: no heading, no key for them.
    const sourced = sourcedSuppliers?.has(s) === true;
    if (!sourced && (!country || country === declared) && (!departure || departure === declared)) return null;
    const heading = headingOf(i);
    const known = sourced ? bySource!.get(`${s}|${heading}|${declared}`) : undefined;
    if (known) return { line: i, ...known };
    if (country && country !== declared) {
      const gap = gapOf(heading, country, declared, o.minMismatchGap);
      if (gap !== null) return { line: i, source: country, gap };
    }
    // The departure alone says something only when it escapes a surcharge (goods lawfully transit).
    return escapedAt(i, s, declared, heading, Infinity);
  };
}

/**
 * Per supplier|heading|declared origin: the surcharged country its lines departed from, when at
 * least `minLines` of them did (the most frequent such country). One departure may be a lawful
 * transit; several, from the same supplier for the same goods and declared origin, are its source.
 */
function supplierSources(
  view: DetectionView,
  headingOf: (i: number) => string,
  escapedAt: (i: number, s: number, declared: string, heading: string) => Mismatch | null,
  minLines: number,
): Map<string, { source: string; gap: number }> {
  const { lines } = view;
  const counts = new Map<string, Map<string, { n: number; gap: number }>>();
  for (let i = 0; i < lines.size; i++) {
    const declared = lines.origin[i];
    const s = lines.supplier[i] ?? -1;
    const departure = lines.departure[i];
    if (!declared || s < 0 || !departure || departure === declared) continue;
    const heading = headingOf(i);
    const m = escapedAt(i, s, declared, heading);
    if (!m) continue;
    const key = `${s}|${heading}|${declared}`;
    const bySource = counts.get(key) ?? counts.set(key, new Map()).get(key)!;
    const c = bySource.get(m.source) ?? bySource.set(m.source, { n: 0, gap: m.gap }).get(m.source)!;
    c.n++;
  }
  const out = new Map<string, { source: string; gap: number }>();
  for (const [key, bySource] of counts) {
    const [source, c] = [...bySource].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))[0]!;
    if (c.n >= minLines) out.set(key, { source, gap: c.gap });
  }
  return out;
}

/** Per supplier: its mismatched lines and its lines in the same headings. */
function mismatchesBySupplier(
  view: DetectionView,
  rates: Rates,
  o: MismatchOptions,
): Map<number, { found: Mismatch[]; headings: Set<string> }> {
  const { lines } = view;
  const bySupplier = new Map<number, { found: Mismatch[]; headings: Set<string> }>();
  const mismatchOf = mismatchFinder(view, rates, o);
  const headingOf = lineHeadings(lines);
  for (let i = 0; i < lines.size; i++) {
    const m = mismatchOf(i);
    if (!m) continue;
    const s = lines.supplier[i]!;
    let entry = bySupplier.get(s);
    if (!entry) bySupplier.set(s, (entry = { found: [], headings: new Set() }));
    entry.found.push(m);
    entry.headings.add(headingOf(i));
  }
  const all = new Map<number, number>();
  for (let i = 0; i < lines.size && bySupplier.size > 0; i++) {
    const s = lines.supplier[i] ?? -1;
    const entry = s < 0 ? undefined : bySupplier.get(s);
    if (entry?.headings.has(headingOf(i))) all.set(s, (all.get(s) ?? 0) + 1);
  }
  for (const [s, entry] of bySupplier) {
    const share = entry.found.length / Math.max(1, all.get(s) ?? 0);
    if (entry.found.length < o.minMismatchLines || share < o.minMismatchShare) bySupplier.delete(s);
  }
  return bySupplier;
}

function mismatchRing(view: DetectionView, found: Mismatch[], o: MismatchOptions): CandidateRing {
  const { lines } = view;
  const idx = found.map((m) => m.line).sort((a, b) => a - b);
  const keysOf = (col: Int32Array): string[] =>
    [...new Set(idx.map((i) => lines.partyKeys[col[i]!]!))].filter(Boolean).sort();
  const importers = keysOf(lines.importer);
  const suppliers = keysOf(lines.supplier);
  const declaredOrigins = [...new Set(idx.map((i) => lines.origin[i]!))].sort();
  const sources = [...new Set(found.map((m) => m.source))].sort();
  const headings = [...new Set(idx.map((i) => hsHeading(lines.hsCode[i] ?? '')))].sort();
  const meanGap = found.reduce((s, m) => s + Math.max(0, m.gap), 0) / found.length;
  const hubs = declaredOrigins.filter((c) => o.transshipmentHubs.includes(c));
  const declarations = idx.map((i) => declarationOf(view, i));
  const parties = [...importers, ...suppliers];
  return {
    typology: 'origin_misdeclaration',
    members: [
      ...importers.map((k) => member(k, 'importer')),
      ...suppliers.map((k) => member(k, 'transshipment_supplier')),
    ],
    indicators: [
      {
        name: 'origin_differs_from_supplier',
        value: clamp01(idx.length / 10),
        weight: o.weights.origin_differs_from_supplier,
        description: `${idx.length} lines of HS ${listing(headings)} from supplier ${listing(suppliers.map(idOf))} (${listing(sources)}) declared as originating in ${listing(declaredOrigins)}, bought by ${listing(importers.map(idOf))}`,
        evidence: evidence(parties, [], declarations),
      },
      {
        name: 'lower_duty_origin',
        value: clamp01(meanGap / 0.1),
        weight: o.weights.lower_duty_origin,
        description: `the declared origin pays ${Math.round(meanGap * 100)} percentage points less duty than ${listing(sources)}`,
        evidence: evidence(suppliers, [], declarations),
      },
      {
        name: 'known_hub',
        value: hubs.length > 0 ? 1 : 0,
        weight: o.weights.known_hub,
        description:
          hubs.length > 0
            ? `${listing(hubs)} ${hubs.length === 1 ? 'is a' : 'are'} known transshipment hub${hubs.length === 1 ? '' : 's'}`
            : 'the declared origin is not a listed transshipment hub',
        evidence: evidence(suppliers),
      },
    ],
    revenueAtRisk: found.reduce((s, m) => s + Math.max(0, m.gap) * (lines.customsValue[m.line] ?? 0), 0),
  };
}

/** Rings of suppliers declaring another origin than their own and the importers buying from them. */
export function mismatchRings(
  view: DetectionView,
  rates: Rates,
  o: MismatchOptions,
  skipSuppliers: ReadonlySet<string>,
): CandidateRing[] {
  const { lines } = view;
  const bySupplier = mismatchesBySupplier(view, rates, o);
  const groups = new UnionFind();
  const all: Mismatch[] = [];
  for (const [s, { found }] of bySupplier) {
    if (skipSuppliers.has(lines.partyKeys[s]!)) continue;
    for (const m of found) {
      const importer = lines.importer[m.line] ?? -1;
      if (importer < 0) continue;
      groups.union(lines.partyKeys[s]!, lines.partyKeys[importer]!);
      all.push(m);
    }
  }
  const rings: CandidateRing[] = [];
  for (const group of groups.groups()) {
    const set = new Set(group);
    const mine = all.filter((m) => set.has(lines.partyKeys[lines.supplier[m.line]!]!));
    if (new Set(mine.map((m) => lines.importer[m.line])).size < o.minImporters) continue;
    rings.push(mismatchRing(view, mine, o));
  }
  return rings.sort(byMembers);
}

// What the declaration lines add up to per party, and the trade links they give the entity
// graph: both computed from the line table's integer party columns after the stream, so the
// stream itself only appends columns (no key strings or objects per line).
import { specificity } from './robust.ts';
import { compareKeys, hsHeading, type LineTable, type LinkKind, type PartyTrade } from './view.ts';

/** The line table's party columns, in the order a line names its parties. */
function partyColumns(lines: LineTable): Int32Array[] {
  return [lines.importer, lines.broker, lines.consignee, lines.supplier];
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Counts for one party's map of headings (or origins), added when a run of lines with the same
 * party and key ends: a declaration's lines mostly repeat both. A key's first run is added before
 * any later key's, so each map keeps its keys in order of first appearance.
 */
class RunCounter {
  private map: Map<string, number> | null = null;
  private key = '';
  private run = 0;

  add(map: Map<string, number>, key: string): void {
    if (map === this.map && key === this.key) {
      this.run += 1;
      return;
    }
    this.flush();
    this.map = map;
    this.key = key;
    this.run = 1;
  }

  flush(): void {
    if (this.map) bump(this.map, this.key, this.run);
    this.map = null;
  }
}

/** Trade aggregates per party key, parties in order of first appearance. */
export function tradeByParty(lines: LineTable): Map<string, PartyTrade> {
  const trade: (PartyTrade | undefined)[] = new Array<PartyTrade | undefined>(lines.partyKeys.length);
  const headings = new Map<string, string>();
  const columns = partyColumns(lines);
  const headingRuns = columns.map(() => new RunCounter());
  const originRuns = columns.map(() => new RunCounter());
  for (let i = 0; i < lines.size; i++) {
    const date = lines.date[i]!;
    const value = lines.customsValue[i] ?? 0;
    const code = lines.hsCode[i] ?? '';
    let heading = headings.get(code);
    if (heading === undefined) headings.set(code, (heading = hsHeading(code)));
    const origin = lines.origin[i];
    for (let c = 0; c < columns.length; c++) {
      const p = columns[c]![i] ?? -1;
      if (p < 0) continue;
      let t = trade[p];
      if (!t) {
        t = {
          lines: 0,
          totalValue: 0,
          firstDate: date,
          lastDate: date,
          hsHeadings: new Map(),
          origins: new Map(),
        };
        trade[p] = t;
      }
      t.lines += 1;
      t.totalValue += value;
      if (date < t.firstDate!) t.firstDate = date;
      if (date > t.lastDate!) t.lastDate = date;
      headingRuns[c]!.add(t.hsHeadings, heading);
      if (origin) originRuns[c]!.add(t.origins, origin);
    }
  }
  for (const run of [...headingRuns, ...originRuns]) run.flush();
  const out = new Map<string, PartyTrade>();
  trade.forEach((t, p) => {
    if (t) out.set(lines.partyKeys[p]!, t);
  });
  return out;
}

export interface TradeLink {
  kind: Extract<LinkKind, 'broker' | 'consignee' | 'supplier'>;
  importerKey: string;
  partnerKey: string;
  /** Specificity-damped weight: the importer's share of lines with the partner over its reach. */
  weight: number;
  lines: number;
}

const PARTNER_KINDS = ['broker', 'consignee', 'supplier'] as const;

/**
 * Lines per importer–partner pair (pair = importer × parties + partner), counted by sorting the
 * pairs in a typed array: millions of lines, no per-line objects or boxed map keys.
 */
function pairCounts(
  importer: Int32Array,
  partner: Int32Array,
  size: number,
  parties: number,
  pairs: Float64Array,
): Map<number, number> {
  let n = 0;
  for (let i = 0; i < size; i++) {
    const m = importer[i] ?? -1;
    const p = partner[i] ?? -1;
    if (m >= 0 && p >= 0) pairs[n++] = m * parties + p;
  }
  const sorted = pairs.subarray(0, n).sort();
  const counts = new Map<number, number>();
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    counts.set(sorted[start]!, end - start);
    start = end;
  }
  return counts;
}

/**
 * Importer–partner links, ordered by kind, importer key, partner key: the importer's share of
 * lines with the partner, damped by the partner's number of clients so a big forwarder does not
 * glue its clients together.
 */
export function tradeLinks(
  lines: LineTable,
  trade: Map<string, PartyTrade>,
  baseWeight: Record<TradeLink['kind'], number>,
): TradeLink[] {
  const parties = lines.partyKeys.length;
  const partners = [lines.broker, lines.consignee, lines.supplier];
  // One scratch buffer for the three kinds: each large allocation outside the heap costs a full collection.
  const scratch = new Float64Array(lines.size);
  const counts = partners.map((partner) => pairCounts(lines.importer, partner, lines.size, parties, scratch));
  const links: TradeLink[] = [];
  PARTNER_KINDS.forEach((kind, k) => {
    const clients = new Map<number, number>();
    for (const pair of counts[k]!.keys()) bump(clients, pair % parties);
    const kindLinks: TradeLink[] = [];
    for (const [pair, count] of counts[k]!) {
      const importerKey = lines.partyKeys[Math.floor(pair / parties)]!;
      const partner = pair % parties;
      const share = count / (trade.get(importerKey)?.lines ?? count);
      kindLinks.push({
        kind,
        importerKey,
        partnerKey: lines.partyKeys[partner]!,
        weight: baseWeight[kind] * share * specificity(clients.get(partner) ?? 1),
        lines: count,
      });
    }
    kindLinks.sort(
      (x, y) => compareKeys(x.importerKey, y.importerKey) || compareKeys(x.partnerKey, y.partnerKey),
    );
    for (const link of kindLinks) links.push(link);
  });
  return links;
}

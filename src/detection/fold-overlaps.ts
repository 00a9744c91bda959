// One scheme, one ring: scheme rings that describe the same firms through another lens are
// folded into the most specific one, and so are communities that are a scheme ring's firms again.
// Returns new ring objects; the input is never changed.
import { formatMoney } from '../detectors/money.ts';
import { nodeKey, type Ring, type Typology } from '../model/index.ts';
import { byScore, ringPriority } from '../scoring/ring.ts';

/**
 * Typologies that describe a scheme, most specific first. A community describes a network: it
 * never hosts a fold, but folds into a scheme ring that holds most of it (or most of which it
 * holds): the same firms found again by their links, reported once under the scheme that names
 * what they do.
 */
export const SCHEMES: readonly Typology[] = [
  'phoenix',
  'shared_identifiers',
  // Importers declaring a false origin through one complicit forwarder are the origin scheme:
  // its evidence (the declared origin against the supplier's) says what they do.
  'origin_misdeclaration',
  'broker_centred',
  'split_shipments',
  'undervaluation',
];

/** Share of the smaller ring's members that must be common for two scheme rings to be one. */
export const FOLD_SHARE = 0.6;

function schemeRank(ring: Ring): number {
  return SCHEMES.includes(ring.typology) ? SCHEMES.indexOf(ring.typology) : SCHEMES.length;
}

/**
 * Does the smaller of the two rings lie mostly inside the other? Counted on the parties of the
 * kinds both rings name: a broker ring names no supplier and an undervaluation ring no broker, so
 * the supplier of one and the broker of the other say nothing about whether the firms are the same.
 */
function mostlyOverlaps(a: Ring, b: Ring, share: number): boolean {
  const labels = new Set(a.members.map((m) => m.label).filter((l) => b.members.some((m) => m.label === l)));
  const keysOf = (r: Ring): Set<string> =>
    new Set(r.members.filter((m) => labels.has(m.label)).map((m) => nodeKey(m)));
  const left = keysOf(a);
  const right = keysOf(b);
  if (left.size === 0 || right.size === 0) return false;
  const common = [...left].filter((key) => right.has(key)).length;
  return common >= share * Math.min(left.size, right.size);
}

/** The index in `kept` of the ring that `ring` folds into, or −1 when it stands on its own. */
function hostIndex(kept: readonly Ring[], ring: Ring, share: number): number {
  const keys = ring.members.map((m) => nodeKey(m));
  const others = kept
    .map((k, index) => ({ index, ring: k, keys: new Set(k.members.map((m) => nodeKey(m))) }))
    .filter((o) => SCHEMES.includes(o.ring.typology) && o.ring.typology !== ring.typology);
  const common = (hostKeys: Set<string>): number => keys.filter((key) => hostKeys.has(key)).length;
  const inside = others.find((o) => mostlyOverlaps(ring, o.ring, share));
  if (inside) return inside.index;
  const covered = keys.filter((key) => others.some((o) => o.keys.has(key))).length;
  if (covered < share * keys.length) return -1;
  return others.reduce((best, o) => (common(o.keys) > common(best.keys) ? o : best), others[0]!).index;
}

/** Typologies that fold into a scheme ring: the schemes themselves and communities. */
function folds(ring: Ring): boolean {
  return SCHEMES.includes(ring.typology) || ring.typology === 'community';
}

const LENSES = '; also seen as ';

/**
 * The explanation stating `revenueAtRisk`: the host's own figure replaced (or, when it had none,
 * the figure added before the lenses already named).
 */
function withRevenue(host: Ring, revenueAtRisk: number): string {
  if (revenueAtRisk === host.revenueAtRisk) return host.explanation;
  const phrase = (v: number): string => `estimated revenue at risk ${formatMoney(v)}`;
  if (host.revenueAtRisk > 0 && host.explanation.includes(phrase(host.revenueAtRisk)))
    return host.explanation.replace(phrase(host.revenueAtRisk), phrase(revenueAtRisk));
  const at = host.explanation.indexOf(LENSES);
  const [own, lenses] =
    at < 0 ? [host.explanation, ''] : [host.explanation.slice(0, at), host.explanation.slice(at)];
  return `${own ? `${own}; ` : ''}${phrase(revenueAtRisk)}${lenses}`;
}

/** The host ring with the folded ring's lens named and the larger revenue at risk (stated). */
function foldInto(host: Ring, ring: Ring): Ring {
  const revenueAtRisk = Math.max(host.revenueAtRisk, ring.revenueAtRisk);
  return {
    ...host,
    revenueAtRisk,
    priority: ringPriority(host.score, revenueAtRisk),
    explanation: `${withRevenue(host, revenueAtRisk)}${LENSES}${ring.typology.replace(/_/g, ' ')} (${ring.id})`,
  };
}

/**
 * A scheme ring that mostly overlaps a ring of a more specific scheme typology (overlap over the
 * smaller of the two) is the same firms seen through another lens (shell importers also
 * undervalue; a phoenix chain also shares a broker). It is folded into that ring, which keeps the
 * larger revenue at risk and names the other lens in its explanation. So is a ring whose members
 * are mostly members of several more specific rings (a supplier serving firms of three broker
 * rings undervalues for all of them): it is folded into the one it overlaps most. A community
 * folds the same way into scheme rings (never into another community). Output by score.
 */
export function foldOverlaps(rings: readonly Ring[], share = FOLD_SHARE): Ring[] {
  const kept: Ring[] = [];
  for (const ring of [...rings].sort((a, b) => schemeRank(a) - schemeRank(b) || byScore(a, b))) {
    const host = folds(ring) ? hostIndex(kept, ring, share) : -1;
    if (host < 0) kept.push(ring);
    else kept[host] = foldInto(kept[host]!, ring);
  }
  return kept.sort(byScore);
}

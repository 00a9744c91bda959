// One scheme, one ring: scheme rings that describe the same firms through another lens are
// folded into the most specific one. Returns new ring objects; the input is never changed.
import { nodeKey, type Ring, type Typology } from '../model/index.ts';
import { byScore, ringPriority } from '../scoring/ring.ts';

/**
 * Typologies that describe a scheme, most specific first; the others (communities, centrality,
 * association) describe a network and are never folded.
 */
export const SCHEMES: readonly Typology[] = [
  'phoenix',
  'shared_identifiers',
  'broker_centred',
  'origin_misdeclaration',
  'split_shipments',
  'undervaluation',
];

/** Share of the smaller ring's members that must be common for two scheme rings to be one. */
export const FOLD_SHARE = 0.6;

function schemeRank(ring: Ring): number {
  return SCHEMES.includes(ring.typology) ? SCHEMES.indexOf(ring.typology) : SCHEMES.length;
}

/** The index in `kept` of the ring that `ring` folds into, or −1 when it stands on its own. */
function hostIndex(kept: readonly Ring[], ring: Ring, share: number): number {
  const keys = ring.members.map((m) => nodeKey(m));
  const others = kept
    .map((k, index) => ({ index, ring: k, keys: new Set(k.members.map((m) => nodeKey(m))) }))
    .filter((o) => SCHEMES.includes(o.ring.typology) && o.ring.typology !== ring.typology);
  const common = (hostKeys: Set<string>): number => keys.filter((key) => hostKeys.has(key)).length;
  // Overlap over the smaller ring: a ring mostly inside the other, or the other mostly inside it.
  const inside = others.find((o) => common(o.keys) >= share * Math.min(keys.length, o.keys.size));
  if (inside) return inside.index;
  const covered = keys.filter((key) => others.some((o) => o.keys.has(key))).length;
  if (covered < share * keys.length) return -1;
  return others.reduce((best, o) => (common(o.keys) > common(best.keys) ? o : best), others[0]!).index;
}

/** The host ring with the folded ring's lens named and the larger revenue at risk. */
function foldInto(host: Ring, ring: Ring): Ring {
  const revenueAtRisk = Math.max(host.revenueAtRisk, ring.revenueAtRisk);
  return {
    ...host,
    revenueAtRisk,
    priority: ringPriority(host.score, revenueAtRisk),
    explanation: `${host.explanation}; also seen as ${ring.typology.replace(/_/g, ' ')} (${ring.id})`,
  };
}

/**
 * A scheme ring that mostly overlaps a ring of a more specific scheme typology (overlap over the
 * smaller of the two) is the same firms seen through another lens (shell importers also
 * undervalue; a phoenix chain also shares a broker). It is folded into that ring, which keeps the
 * larger revenue at risk and names the other lens in its explanation. So is a ring whose members
 * are mostly members of several more specific rings (a supplier serving firms of three broker
 * rings undervalues for all of them): it is folded into the one it overlaps most. Output by score.
 */
export function foldOverlaps(rings: readonly Ring[], share = FOLD_SHARE): Ring[] {
  const kept: Ring[] = [];
  for (const ring of [...rings].sort((a, b) => schemeRank(a) - schemeRank(b) || byScore(a, b))) {
    const host = SCHEMES.includes(ring.typology) ? hostIndex(kept, ring, share) : -1;
    if (host < 0) kept.push(ring);
    else kept[host] = foldInto(kept[host]!, ring);
  }
  return kept.sort(byScore);
}

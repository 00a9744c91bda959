// One detection run: every detector on the view, candidates scored into rings, party risk and
// line targets, with progress per detector. Same view and seed → the same findings.
import { DETECTORS } from '../detectors/index.ts';
import type { DetectionView } from '../graph/view.ts';
import { nodeKey, type PartyRisk, type Ring, type LineTarget, type Typology } from '../model/index.ts';
import { partyRisks } from './party-risk.ts';
import { byScore, finaliseRing } from './ring.ts';
import { targetLines, type TargetingOptions } from './targeting.ts';

export interface Findings {
  rings: Ring[];
  parties: PartyRisk[];
  targets: LineTarget[];
  /** Rings per typology, every typology present (0 when none). */
  counts: Record<Typology, number>;
}

export interface RunOptions {
  seed: number;
  typologies?: readonly Typology[];
  targeting?: Partial<TargetingOptions>;
  onDetector?: (typology: Typology, index: number, total: number, ms: number | null) => void;
}

/**
 * Typologies that describe a scheme, most specific first; the others (communities, centrality,
 * association) describe a network and are never folded.
 */
const SCHEMES: readonly Typology[] = [
  'phoenix',
  'shared_identifiers',
  'broker_centred',
  'origin_misdeclaration',
  'split_shipments',
  'undervaluation',
];

/**
 * One scheme, one ring: a scheme ring that mostly overlaps a ring of a more specific scheme
 * typology (overlap over the smaller of the two) is the same firms seen through another lens (shell importers also undervalue;
 * a phoenix chain also shares a broker). It is folded into that ring, which keeps the larger
 * revenue at risk and names the other lens in its explanation. So is a ring whose members are
 * mostly members of several more specific rings (a supplier serving firms of three broker rings
 * undervalues for all of them): it is folded into the one it overlaps most. Input and output by
 * score.
 */
export function foldOverlaps(sorted: Ring[], share = FOLD_SHARE): Ring[] {
  const rank = (r: Ring): number =>
    SCHEMES.includes(r.typology) ? SCHEMES.indexOf(r.typology) : SCHEMES.length;
  const kept: Ring[] = [];
  for (const ring of [...sorted].sort((a, b) => rank(a) - rank(b) || byScore(a, b))) {
    if (!SCHEMES.includes(ring.typology)) {
      kept.push(ring);
      continue;
    }
    const keys = ring.members.map((m) => nodeKey(m));
    const others = kept
      .filter((k) => SCHEMES.includes(k.typology) && k.typology !== ring.typology)
      .map((k) => ({ ring: k, keys: new Set(k.members.map((m) => nodeKey(m))) }));
    const common = (hostKeys: Set<string>): number => keys.filter((key) => hostKeys.has(key)).length;
    // Overlap over the smaller ring: a ring mostly inside the other, or the other mostly inside it.
    let host = others.find((o) => common(o.keys) >= share * Math.min(keys.length, o.keys.size))?.ring;
    const covered = keys.filter((key) => others.some((o) => o.keys.has(key))).length;
    if (!host && covered >= share * keys.length) {
      host = others.reduce((best, o) => (common(o.keys) > common(best.keys) ? o : best), others[0]!).ring;
    }
    if (!host) {
      kept.push(ring);
      continue;
    }
    host.revenueAtRisk = Math.max(host.revenueAtRisk, ring.revenueAtRisk);
    host.explanation = `${host.explanation}; also seen as ${ring.typology.replace(/_/g, ' ')} (${ring.id})`;
  }
  return kept.sort(byScore);
}

export const FOLD_SHARE = 0.6;

export function runDetectors(view: DetectionView, options: RunOptions): Findings {
  const selected = DETECTORS.filter((d) => !options.typologies || options.typologies.includes(d.typology));
  const byId = new Map<string, Ring>();
  const counts = Object.fromEntries(DETECTORS.map((d) => [d.typology, 0])) as Record<Typology, number>;
  selected.forEach((detector, index) => {
    options.onDetector?.(detector.typology, index, selected.length, null);
    const started = performance.now();
    for (const candidate of detector.run(view, options.seed)) {
      const ring = finaliseRing(candidate);
      const existing = byId.get(ring.id);
      if (!existing || existing.score < ring.score) byId.set(ring.id, ring);
    }
    options.onDetector?.(detector.typology, index + 1, selected.length, performance.now() - started);
  });
  const rings = foldOverlaps([...byId.values()].sort(byScore));
  for (const ring of rings) counts[ring.typology] += 1;
  const parties = partyRisks(rings);
  const targets = targetLines(view, rings, parties, options.targeting);
  return { rings, parties, targets, counts };
}

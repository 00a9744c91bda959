// One detection run on a view: every detector of the registry, candidates scored into rings,
// overlapping scheme rings folded, then party risk and line targets, with progress per detector.
// Same view and seed → the same findings.
import { DETECTORS, type DetectorEntry } from '../detectors/index.ts';
import type { DetectionView } from '../graph/view.ts';
import { DEFAULT_PROFILE, type AdministrationProfile } from '../model/profile.ts';
import type { LineTarget, PartyRisk, Ring, Typology } from '../model/index.ts';
import { partyRisks } from '../scoring/party-risk.ts';
import { byScore, finaliseRing } from '../scoring/ring.ts';
import { targetLines, type TargetingOptions } from '../scoring/targeting.ts';
import { foldOverlaps } from './fold-overlaps.ts';

export interface Findings {
  rings: Ring[];
  parties: PartyRisk[];
  targets: LineTarget[];
  /** Rings per typology, every typology present (0 when none). */
  counts: Record<Typology, number>;
}

export interface RunOptions {
  seed: number;
  /** The administration's facts the detectors read; the EU preset when absent. */
  profile?: AdministrationProfile;
  typologies?: readonly Typology[];
  targeting?: Partial<TargetingOptions>;
  onDetector?: (typology: Typology, index: number, total: number, ms: number | null) => void;
}

/** The scored rings of the selected detectors, one per id (the higher score when two agree). */
function scoredRings(view: DetectionView, selected: readonly DetectorEntry[], options: RunOptions): Ring[] {
  const byId = new Map<string, Ring>();
  selected.forEach((detector, index) => {
    options.onDetector?.(detector.typology, index, selected.length, null);
    const started = performance.now();
    for (const candidate of detector.run(view, options.seed, options.profile ?? DEFAULT_PROFILE)) {
      const ring = finaliseRing(candidate);
      const existing = byId.get(ring.id);
      if (!existing || existing.score < ring.score) byId.set(ring.id, ring);
    }
    options.onDetector?.(detector.typology, index + 1, selected.length, performance.now() - started);
  });
  return [...byId.values()].sort(byScore);
}

export function runDetectors(view: DetectionView, options: RunOptions): Findings {
  const selected = DETECTORS.filter((d) => !options.typologies || options.typologies.includes(d.typology));
  const rings = foldOverlaps(scoredRings(view, selected, options));
  const counts = Object.fromEntries(DETECTORS.map((d) => [d.typology, 0])) as Record<Typology, number>;
  for (const ring of rings) counts[ring.typology] += 1;
  const parties = partyRisks(rings);
  const targets = targetLines(view, rings, parties, options.targeting);
  return { rings, parties, targets, counts };
}

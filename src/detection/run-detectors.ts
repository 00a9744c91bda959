// One detection run on a view: every detector of the registry, candidates scored into rings,
// overlapping scheme rings folded, leads on parties ranked and set beside the rings they
// corroborate, then party risk and line targets, with progress per detector. Rings come out by
// priority. Same view and seed → the same findings.
import { DETECTORS, LEAD_DETECTORS, type DetectorEntry } from '../detectors/index.ts';
import { byLead } from '../detectors/seizure-path.ts';
import type { DetectionView } from '../graph/view.ts';
import { DEFAULT_PROFILE, type AdministrationProfile } from '../model/profile.ts';
import type { Lead, LineTarget, PartyRisk, Ring, Typology } from '../model/index.ts';
import { partyRisks } from '../scoring/party-risk.ts';
import { byPriority, byScore, finaliseRing } from '../scoring/ring.ts';
import { corroborate } from './corroborate.ts';
import { targetLines, type TargetingOptions } from '../scoring/targeting.ts';
import { foldOverlaps } from './fold-overlaps.ts';

export interface Findings {
  /** Highest priority first. */
  rings: Ring[];
  /** Leads on parties, best first (score, detector, party). */
  leads: Lead[];
  parties: PartyRisk[];
  targets: LineTarget[];
  /** Rings per typology of the ring detectors (0 when none). */
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
function scoredRings(
  view: DetectionView,
  selected: readonly DetectorEntry[],
  options: RunOptions & { total: number },
): Ring[] {
  const byId = new Map<string, Ring>();
  selected.forEach((detector, index) => {
    options.onDetector?.(detector.typology, index, options.total, null);
    const started = performance.now();
    for (const candidate of detector.run(view, options.seed, options.profile ?? DEFAULT_PROFILE)) {
      const ring = finaliseRing(candidate);
      const existing = byId.get(ring.id);
      if (!existing || existing.score < ring.score) byId.set(ring.id, ring);
    }
    options.onDetector?.(detector.typology, index + 1, options.total, performance.now() - started);
  });
  return [...byId.values()].sort(byScore);
}

/** The leads of the selected lead detectors, best first. */
function rankedLeads(view: DetectionView, options: RunOptions, offset: number, total: number): Lead[] {
  const selected = LEAD_DETECTORS.filter(
    (d) => !options.typologies || options.typologies.includes(d.detector),
  );
  const leads: Lead[] = [];
  selected.forEach((detector, index) => {
    options.onDetector?.(detector.detector, offset + index, total, null);
    const started = performance.now();
    leads.push(...detector.run(view));
    options.onDetector?.(detector.detector, offset + index + 1, total, performance.now() - started);
  });
  return leads.sort(byLead);
}

export function runDetectors(view: DetectionView, options: RunOptions): Findings {
  const wanted = (t: Typology): boolean => !options.typologies || options.typologies.includes(t);
  const selected = DETECTORS.filter((d) => wanted(d.typology));
  const total = selected.length + LEAD_DETECTORS.filter((d) => wanted(d.detector)).length;
  const folded = foldOverlaps(scoredRings(view, selected, { ...options, total }));
  const leads = rankedLeads(view, options, selected.length, total);
  const rings = corroborate(folded, leads).sort(byPriority);
  const counts = Object.fromEntries(DETECTORS.map((d) => [d.typology, 0])) as Record<Typology, number>;
  for (const ring of rings) counts[ring.typology] += 1;
  const parties = partyRisks(rings);
  const targets = targetLines(view, rings, parties, options.targeting, leads);
  return { rings, leads, parties, targets, counts };
}

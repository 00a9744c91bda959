// Every detector by typology, in the order detection runs them.
import type { Lead, LeadDetector, Typology } from '../model/index.ts';
import type { DetectionView } from '../graph/view.ts';
import type { AdministrationProfile } from '../model/profile.ts';
import type { CandidateRing } from './candidate.ts';
import * as brokerCentred from './broker-centred.ts';
import * as centrality from './centrality.ts';
import * as communities from './communities.ts';
import * as guiltByAssociation from './guilt-by-association.ts';
import * as originMisdeclaration from './origin-misdeclaration.ts';
import * as phoenix from './phoenix.ts';
import * as sharedIdentifiers from './shared-identifiers.ts';
import * as splitShipments from './split-shipments.ts';
import * as undervaluation from './undervaluation.ts';

export interface DetectorEntry {
  typology: Typology;
  /**
   * Runs the detector with its defaults and the administration profile's facts; only the
   * community detector uses the seed.
   */
  run: (view: DetectionView, seed: number, profile: AdministrationProfile) => CandidateRing[];
}

export const DETECTORS: readonly DetectorEntry[] = [
  { typology: 'shared_identifiers', run: (v) => sharedIdentifiers.detect(v) },
  {
    typology: 'broker_centred',
    run: (v, _s, p) => brokerCentred.detect(v, brokerCentred.profileOptions(p)),
  },
  { typology: 'phoenix', run: (v) => phoenix.detect(v) },
  {
    typology: 'undervaluation',
    run: (v, _s, p) => undervaluation.detect(v, undervaluation.profileOptions(p)),
  },
  {
    typology: 'origin_misdeclaration',
    run: (v, _s, p) => originMisdeclaration.detect(v, originMisdeclaration.profileOptions(p)),
  },
  {
    typology: 'split_shipments',
    run: (v, _s, p) => splitShipments.detect(v, splitShipments.profileOptions(p)),
  },
  { typology: 'community', run: (v, seed) => communities.detect(v, { seed }) },
];

export interface LeadDetectorEntry {
  detector: LeadDetector;
  /** Runs the detector with its defaults: ranked leads on parties, never rings. */
  run: (view: DetectionView) => Lead[];
}

/** Detectors whose findings are leads on parties (where to look), not rings. */
export const LEAD_DETECTORS: readonly LeadDetectorEntry[] = [
  { detector: 'guilt_by_association', run: (v) => guiltByAssociation.detect(v) },
  { detector: 'centrality', run: (v) => centrality.detect(v) },
];

export { partition } from './communities.ts';
export { type CandidateRing, type IndicatorInput } from './candidate.ts';
export { DetectorInputError } from './input.ts';

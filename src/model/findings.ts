// What detection produces and the store keeps: rings with the indicators that make their score
// and the evidence behind each indicator, risk per party, inspection targets per line, and leads
// on parties (ranked, not rings: a lead joins a ring only as corroborating evidence of it).
// The JSON of `ringscope detect --json` and `ringscope target --json` is built from these.
import { z } from 'zod';
import { NodeRef } from './graph.ts';

export const Typology = z.enum([
  'community',
  'shared_identifiers',
  'broker_centred',
  'phoenix',
  'undervaluation',
  'origin_misdeclaration',
  'split_shipments',
  'guilt_by_association',
  'centrality',
]);
export type Typology = z.infer<typeof Typology>;

/** What a person can open to check an indicator: nodes, relationships and declaration lines. */
export const Evidence = z
  .object({
    nodes: z.array(NodeRef).default([]),
    /** Relationship ids (see relId). */
    rels: z.array(z.string()).default([]),
    /** Shipment ids, `declarationId/line`. */
    declarations: z.array(z.string()).default([]),
  })
  .strict();
export type Evidence = z.infer<typeof Evidence>;

export const Indicator = z
  .object({
    /** Stable machine name, e.g. `shared_address`, `unit_value_below_median`. */
    name: z.string(),
    value: z.number().finite(),
    weight: z.number().finite(),
    /** value × weight after normalisation: the indicator's share of the score. */
    contribution: z.number().finite(),
    /** One line a person can read, e.g. "3 of 4 importers share one address". */
    description: z.string(),
    evidence: Evidence,
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

export const RingMember = NodeRef.extend({ role: z.string() }).strict();
export type RingMember = z.infer<typeof RingMember>;

export const Ring = z
  .object({
    /** Stable across reruns on the same data, e.g. `R-shared_identifiers-3f9a1c`. */
    id: z.string(),
    typology: Typology,
    score: z.number().min(0).max(1),
    /** Estimated duty shortfall, in the declarations' currency. */
    revenueAtRisk: z.number().finite().nonnegative(),
    /**
     * Where the ring stands in the work queue: score × (1 + log10(1 + revenueAtRisk)), so at the
     * same confidence the ring with more revenue at risk comes first (docs/detection.md).
     */
    priority: z.number().finite().nonnegative(),
    explanation: z.string(),
    members: z.array(RingMember).min(1),
    indicators: z.array(Indicator),
  })
  .strict();
export type Ring = z.infer<typeof Ring>;

export const PartyRisk = NodeRef.extend({
  score: z.number().min(0).max(1),
  revenueAtRisk: z.number().finite().nonnegative(),
  ringIds: z.array(z.string()),
  reasons: z.array(z.string()),
}).strict();
export type PartyRisk = z.infer<typeof PartyRisk>;

export const LineTarget = z
  .object({
    declarationId: z.string(),
    line: z.number().int().positive(),
    score: z.number().min(0).max(1),
    reasons: z.array(z.string()),
  })
  .strict();
export type LineTarget = z.infer<typeof LineTarget>;

/** The detectors that produce leads instead of rings. */
export const LeadDetector = z.enum(['guilt_by_association', 'centrality']);
export type LeadDetector = z.infer<typeof LeadDetector>;

/** One link of a seizure path: two parties and why they are linked (address, supplier, …). */
export const LeadStep = z
  .object({
    from: NodeRef,
    to: NodeRef,
    /** The link kinds between the two, e.g. `address`, `supplier`, `director`. */
    kinds: z.array(z.string()).min(1),
  })
  .strict();
export type LeadStep = z.infer<typeof LeadStep>;

export const Lead = NodeRef.extend({
  detector: LeadDetector,
  /** How strongly the detector points at the party, in [0,1]; leads rank by it. */
  score: z.number().min(0).max(1),
  /** The lead in plain words, its seizure path included. */
  reason: z.string(),
  /** Party → … → seized party, shortest first found; empty when no seized party is in reach. */
  path: z.array(LeadStep),
  evidence: Evidence,
}).strict();
export type Lead = z.infer<typeof Lead>;

/** Which leads a list asks for: a page of them, by detector and minimum score, best first. */
export const LeadQuery = z.strictObject({
  detector: LeadDetector.optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type LeadQuery = z.output<typeof LeadQuery>;

/** One detection run, written to the store as a whole (replacing the previous run). */
export const DetectionRun = z
  .object({
    runId: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    seed: z.number().int(),
    rings: z.array(Ring),
    parties: z.array(PartyRisk),
    targets: z.array(LineTarget),
    /** Leads on parties (absent: none). */
    leads: z.array(Lead).optional(),
  })
  .strict();
export type DetectionRun = z.infer<typeof DetectionRun>;

/**
 * Which rings a list asks for: a page of them, by typology and minimum score, highest priority
 * first (or highest score first with `sort: 'score'`).
 */
export const RingQuery = z.strictObject({
  typology: Typology.optional(),
  sort: z.enum(['priority', 'score']).default('priority'),
  minScore: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
/** `sort` may be left out by callers in code: priority. */
export type RingQuery = Omit<z.output<typeof RingQuery>, 'sort'> & { sort?: 'priority' | 'score' };

/** A ring as lists show it: its headline facts and how many members it has. */
export const RingSummary = Ring.pick({
  id: true,
  typology: true,
  score: true,
  revenueAtRisk: true,
  priority: true,
  explanation: true,
})
  .extend({ memberCount: z.number().int().nonnegative() })
  .strict();
export type RingSummary = z.infer<typeof RingSummary>;

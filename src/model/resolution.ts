// Entity-resolution links between two parties of one kind, as every layer sees them: a candidate
// (`POSSIBLY_SAME_AS`) with its match probability and evidence, and the investigator's review —
// accepted (the pair is `SAME_AS`: one party to the projection and the detectors), rejected, or
// reopened. Nothing is merged: both parties stay in the store, and a later review undoes an
// earlier one.
import { z } from 'zod';
import { NodeRef, nodeKey } from './graph.ts';
import { PARTY_LABELS } from './labels.ts';

export const ResolveStatus = z.enum(['open', 'accepted', 'rejected']);
export type ResolveStatus = z.infer<typeof ResolveStatus>;

/** A review: accept, reject, or set back to open (reopen: the pair waits for a review again). */
export const ResolveDecision = z.enum(['accepted', 'rejected', 'open']);
export type ResolveDecision = z.infer<typeof ResolveDecision>;

const PartyRef = NodeRef.refine((r) => (PARTY_LABELS as readonly string[]).includes(r.label), {
  message: 'a party (Importer, Consignee, Broker, Supplier or Person)',
});

/** A candidate as `ringscope resolve --write` stores it: `a` before `b` by node key. */
export const ResolveCandidateInput = z
  .object({
    a: PartyRef,
    b: PartyRef,
    aName: z.string(),
    bName: z.string(),
    /** Match probability in [0, 1]. */
    score: z.number().min(0).max(1),
    /** log2 Bayes factor, prior included. */
    weight: z.number().finite(),
    evidence: z.array(z.string()),
  })
  .strict()
  .refine((c) => c.a.label === c.b.label, { message: 'a and b must be parties of one label' })
  .refine((c) => nodeKey(c.a) < nodeKey(c.b), { message: 'a must come before b by node key' });
export type ResolveCandidateInput = z.infer<typeof ResolveCandidateInput>;

/** A stored link with its review. */
export const ResolveLink = z
  .object({
    /** Derived from the two parties (resolveLinkId): the same pair always has the same id. */
    id: z.string(),
    a: NodeRef,
    b: NodeRef,
    aName: z.string(),
    bName: z.string(),
    score: z.number(),
    weight: z.number(),
    evidence: z.array(z.string()),
    status: ResolveStatus,
    /** Who reviewed it last and when (ISO 8601); null while open. */
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  })
  .strict();
export type ResolveLink = z.infer<typeof ResolveLink>;

export interface ResolveLinkQuery {
  status?: ResolveStatus;
  minScore?: number;
  offset: number;
  limit: number;
}

export interface ResolveReview {
  decision: ResolveDecision;
  /** The investigator's user name. */
  by: string;
  /** ISO 8601. */
  at: string;
}

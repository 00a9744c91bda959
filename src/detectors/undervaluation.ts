// Undervaluation: importers whose unit values sit persistently below the robust median for the
// same HS heading and origin. Biased firms tied by identity links or a small shared broker or
// supplier form one ring. Revenue at risk = shortfall against the median × duty rate.
import { z } from 'zod';
import { UnionFind } from '../graph/union-find.ts';
import { IDENTITY_LINKS, type DetectionView } from '../graph/view.ts';
import {
  assertView,
  byMembers,
  clamp01,
  describeParties,
  evidence,
  member,
  parseOptions,
  percent,
  type CandidateRing,
} from './common.ts';
import { labelOfKey } from './keys.ts';
import { isUndervaluing, partySignals } from './party-signals.ts';

const Options = z
  .object({
    /** Fewest lines with a known unit value before a firm's bias is judged. */
    minLines: z.number().int().min(1),
    /** Median robust z-score of the firm's log unit values must be at or below this. */
    maxMedianZ: z.number(),
    /** Share of the firm's lines more than one deviation below the median. */
    minShareBelow: z.number().min(0).max(1),
    /** A broker, supplier or consignee with more clients than this does not tie firms together. */
    maxSharedPartnerClients: z.number().int().min(2),
    minMembers: z.number().int().min(1),
  })
  .strict();
export type UndervaluationOptions = z.infer<typeof Options>;

export const DEFAULTS: UndervaluationOptions = {
  minLines: 4,
  maxMedianZ: -1.5,
  minShareBelow: 0.6,
  maxSharedPartnerClients: 12,
  minMembers: 1,
};

function headingOf(view: DetectionView, firms: string[]): string {
  const counts = new Map<string, number>();
  for (const f of firms) for (const [h, n] of view.trade.get(f)?.hsHeadings ?? []) counts.set(h, (counts.get(h) ?? 0) + n);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

export function detect(view: DetectionView, options: Partial<UndervaluationOptions> = {}): CandidateRing[] {
  assertView('undervaluation', view);
  const o = parseOptions('undervaluation', Options, DEFAULTS, options);
  const signals = partySignals(view);
  const biased = [...signals.keys()]
    .filter((k) => labelOfKey(k) === 'Importer' && isUndervaluing(signals.get(k), o.minLines, o.maxMedianZ, o.minShareBelow))
    .sort();
  const biasedSet = new Set(biased);
  const groups = new UnionFind();
  const ties = new Map<string, string[]>();
  for (const firm of biased) {
    groups.find(firm);
    view.graph.forEachNeighbor(firm, (other, attrs) => {
      const links = view.graph.getEdgeAttributes(firm, other).links;
      if (biasedSet.has(other) && links.some((l) => IDENTITY_LINKS.includes(l.kind))) groups.union(firm, other);
      // Through a small partner: two biased clients of the same little broker or supplier.
      if (attrs.label !== 'Importer' && view.graph.degree(other) <= o.maxSharedPartnerClients) {
        view.graph.forEachNeighbor(other, (peer) => {
          if (peer !== firm && biasedSet.has(peer)) {
            groups.union(firm, peer);
            (ties.get(firm) ?? ties.set(firm, []).get(firm)!).push(other);
          }
        });
      }
    });
  }
  const rings: CandidateRing[] = [];
  for (const firms of groups.groups()) {
    if (firms.length < o.minMembers) continue;
    const s = firms.map((k) => signals.get(k)!);
    const lines = s.reduce((n, x) => n + x.scoredLines, 0);
    const below = s.reduce((n, x) => n + x.shareBelow * x.scoredLines, 0) / Math.max(1, lines);
    const ratio = s.reduce((n, x) => n + x.medianValueRatio * x.scoredLines, 0) / Math.max(1, lines);
    const revenueAtRisk = s.reduce((n, x) => n + x.shortfallDuty, 0);
    const lowLines = s.flatMap((x) => x.lowLines);
    const partners = [...new Set(firms.flatMap((f) => ties.get(f) ?? []))].sort();
    const heading = headingOf(view, firms);
    rings.push({
      typology: 'undervaluation',
      members: [...firms.map((k) => member(k, 'importer')), ...partners.map((k) => member(k, labelOfKey(k).toLowerCase()))],
      indicators: [
        {
          name: 'unit_value_below_median',
          value: clamp01((1 - ratio) / 0.5),
          weight: 0.5,
          description: `unit values are ${percent(1 - ratio)} below the HS ${heading} median`,
          evidence: evidence(firms, [], lowLines),
        },
        {
          name: 'persistent_bias',
          value: below,
          weight: 0.35,
          description: `${percent(below)} of the ${lines} declaration lines of ${describeParties(firms)} are declared below the usual unit value`,
          evidence: evidence(firms, [], lowLines),
        },
        {
          name: 'linked_firms',
          value: clamp01((firms.length - 1) / 3),
          weight: 0.15,
          description: firms.length > 1 ? `${firms.length} undervaluing importers are tied to each other` : 'a single undervaluing importer',
          evidence: evidence([...firms, ...partners]),
        },
      ],
      revenueAtRisk,
    });
  }
  return rings.sort(byMembers);
}

// Leads meet rings: a lead on a party that a ring of another detector names becomes evidence of
// that ring (an indicator carrying the lead's reason, path and evidence). The ring's members and
// score stay its own detector's: a lead never makes a ring nor adds a member by nearness alone.
import { nodeKey, type Indicator, type Lead, type Ring } from '../model/index.ts';

/** The indicator name a lead of `detector` gives a ring it corroborates. */
export function leadIndicatorName(detector: Lead['detector']): string {
  return `lead_${detector}`;
}

/**
 * Each ring gains one indicator per lead on one of its members, with weight 0: it is shown with
 * the ring's evidence and named in its explanation, and leaves the score as the ring's own
 * evidence made it. Rings and leads are not changed; new ring objects are returned, same order.
 */
export function corroborate(rings: readonly Ring[], leads: readonly Lead[]): Ring[] {
  const byParty = new Map<string, Lead[]>();
  for (const lead of leads) {
    const key = nodeKey(lead);
    byParty.set(key, [...(byParty.get(key) ?? []), lead]);
  }
  return rings.map((ring) => {
    const found = ring.members.flatMap((m) => byParty.get(nodeKey(m)) ?? []);
    if (found.length === 0 || ring.typology === 'guilt_by_association' || ring.typology === 'centrality')
      return ring;
    const indicators: Indicator[] = found.map((lead) => ({
      name: leadIndicatorName(lead.detector),
      value: lead.score,
      weight: 0,
      contribution: 0,
      description: `lead on ${lead.id} (${lead.detector.replace(/_/g, ' ')}, ${lead.score.toFixed(2)}): ${lead.reason}`,
      evidence: lead.evidence,
    }));
    return {
      ...ring,
      indicators: [...ring.indicators, ...indicators],
      // The explanation names every indicator, the leads' too.
      explanation: `${ring.explanation}; corroborated by ${indicators.map((i) => i.description).join('; ')}`,
    };
  });
}

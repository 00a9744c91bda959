// Risk per firm and person from the rings they belong to: independent rings add up
// (1 − Π(1 − score × role weight)); revenue at risk is the party's share of its costliest ring.
import { nodeKey, type PartyRisk, type Ring } from '../model/index.ts';
import { byScore } from './ring.ts';

/** Peripheral roles count for less than the core of a ring. */
export const ROLE_WEIGHTS: Record<string, number> = {
  spoke: 0.5,
  associate: 0.7,
  director: 0.8,
  broker: 0.9,
  supplier: 0.8,
};

export function partyRisks(rings: readonly Ring[]): PartyRisk[] {
  const byParty = new Map<string, { risk: PartyRisk; keep: number }>();
  for (const ring of [...rings].sort(byScore)) {
    const share = ring.revenueAtRisk / ring.members.length;
    for (const m of ring.members) {
      const key = nodeKey(m);
      let entry = byParty.get(key);
      if (!entry) {
        entry = {
          risk: { label: m.label, id: m.id, score: 0, revenueAtRisk: 0, ringIds: [], reasons: [] },
          keep: 1,
        };
        byParty.set(key, entry);
      }
      entry.keep *= 1 - ring.score * (ROLE_WEIGHTS[m.role] ?? 1);
      entry.risk.revenueAtRisk = Math.max(entry.risk.revenueAtRisk, Math.round(share * 100) / 100);
      if (!entry.risk.ringIds.includes(ring.id)) {
        entry.risk.ringIds.push(ring.id);
        if (entry.risk.reasons.length < 3)
          entry.risk.reasons.push(
            `${ring.typology.replace(/_/g, ' ')} (${ring.score.toFixed(2)}): ${ring.explanation}`,
          );
      }
    }
  }
  return [...byParty.values()]
    .map(({ risk, keep }) => ({ ...risk, score: Math.round((1 - keep) * 1e6) / 1e6 }))
    .sort((a, b) => b.score - a.score || (nodeKey(a) < nodeKey(b) ? -1 : 1));
}

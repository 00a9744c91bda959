// Line targeting: ranks declaration lines for inspection by combining the line's own anomalies
// (unit value against its group, origin mismatch) with the network risk of its parties and the
// rings whose evidence names it. Each line carries the reasons behind its score.
import { declarationOf } from '../detectors/common.ts';
import type { DetectionView } from '../graph/view.ts';
import { nodeKey, type LineTarget, type PartyRisk, type Ring } from '../model/index.ts';

export interface TargetingOptions {
  /** Weight of the line's own anomaly, of its parties' network risk, of ring evidence naming it. */
  anomalyWeight: number;
  networkWeight: number;
  evidenceWeight: number;
  /** Brokers file for many; their risk counts for this much of an importer's. */
  brokerRiskFactor: number;
  /** Most lines returned (the rest score lower). */
  limit: number;
}

export const TARGETING_DEFAULTS: TargetingOptions = {
  anomalyWeight: 0.6,
  networkWeight: 0.7,
  evidenceWeight: 0.8,
  brokerRiskFactor: 0.5,
  limit: 50_000,
};

interface Candidate {
  i: number;
  score: number;
  reasons: string[];
}

export function targetLines(
  view: DetectionView,
  rings: readonly Ring[],
  parties: readonly PartyRisk[],
  overrides: Partial<TargetingOptions> = {},
): LineTarget[] {
  const o = { ...TARGETING_DEFAULTS, ...overrides };
  const { lines, graph } = view;
  const risk = new Map(parties.map((p) => [nodeKey(p), p]));
  const named = new Map<string, Ring>();
  for (const ring of rings) {
    for (const ind of ring.indicators) {
      for (const d of ind.evidence.declarations) {
        const best = named.get(d);
        if (!best || best.score < ring.score) named.set(d, ring);
      }
    }
  }
  const candidates: Candidate[] = [];
  for (let i = 0; i < lines.size; i++) {
    const reasons: string[] = [];
    const z = lines.unitValueZScore[i] ?? Number.NaN;
    let anomaly = 0;
    if (z < -1) {
      anomaly = Math.min(1, (-z - 1) / 3);
      reasons.push(
        `unit value ${z.toFixed(1)} robust deviations below the median for HS ${lines.hsCode[i]?.slice(0, 4)} from ${lines.origin[i] ?? 'unknown origin'}`,
      );
    }
    const s = lines.supplier[i] ?? -1;
    const supplierCountry =
      s >= 0 && graph.hasNode(lines.partyKeys[s]!)
        ? graph.getNodeAttribute(lines.partyKeys[s]!, 'country')
        : null;
    const origin = lines.origin[i];
    const realOrigin = supplierCountry ?? lines.departure[i] ?? null;
    if (origin && realOrigin && origin !== realOrigin) {
      anomaly = Math.max(anomaly, 0.4);
      reasons.push(`declared origin ${origin} but the goods come from ${realOrigin}`);
    }
    let network = 0;
    let riskiest: PartyRisk | null = null;
    for (const col of [lines.importer, lines.consignee, lines.supplier, lines.broker]) {
      const p = col[i] ?? -1;
      if (p < 0) continue;
      const r = risk.get(lines.partyKeys[p]!);
      if (!r) continue;
      const value = r.score * (col === lines.broker ? o.brokerRiskFactor : 1);
      if (value > network) {
        network = value;
        riskiest = r;
      }
    }
    if (riskiest)
      reasons.push(
        `${riskiest.label.toLowerCase()} ${riskiest.id} has network risk ${riskiest.score.toFixed(2)} (${riskiest.ringIds.length} ring${riskiest.ringIds.length === 1 ? '' : 's'})`,
      );
    const ring = named.get(declarationOf(view, i));
    if (ring)
      reasons.push(
        `named as evidence by ring ${ring.id} (${ring.typology.replace(/_/g, ' ')}, score ${ring.score.toFixed(2)})`,
      );
    const evidenceScore = ring?.score ?? 0;
    const score =
      1 -
      (1 - o.anomalyWeight * anomaly) *
        (1 - o.networkWeight * network) *
        (1 - o.evidenceWeight * evidenceScore);
    if (score > 0) candidates.push({ i, score, reasons });
  }
  candidates.sort((a, b) => b.score - a.score || a.i - b.i);
  return candidates.slice(0, o.limit).map((c) => ({
    declarationId: lines.declarationId[c.i]!,
    line: lines.line[c.i]!,
    score: Math.round(c.score * 1e6) / 1e6,
    reasons: c.reasons,
  }));
}

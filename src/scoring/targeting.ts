// Line targeting: ranks declaration lines for inspection by combining the line's own anomalies
// (unit value against its group, origin mismatch) with the network risk of its parties (from their
// rings, or a lead on them) and the rings whose evidence names it. Each line carries the reasons
// behind its score.
import { declarationOf } from '../detectors/candidate.ts';
import { selectInPlace } from '../graph/robust.ts';
import type { DetectionView, LineTable } from '../graph/view.ts';
import { nodeKey, type Lead, type LineTarget, type PartyRisk, type Ring } from '../model/index.ts';

export interface TargetingOptions {
  /** Weight of the line's own anomaly, of its parties' network risk, of ring evidence naming it. */
  anomalyWeight: number;
  networkWeight: number;
  evidenceWeight: number;
  /** Brokers file for many; their risk counts for this much of an importer's. */
  brokerRiskFactor: number;
  /** A lead on a party counts as network risk of its score times this (a lead is not a ring). */
  leadRiskFactor: number;
  /** Most lines returned (the rest score lower). */
  limit: number;
}

export const TARGETING_DEFAULTS: TargetingOptions = {
  anomalyWeight: 0.6,
  networkWeight: 0.7,
  evidenceWeight: 0.8,
  brokerRiskFactor: 0.5,
  leadRiskFactor: 0.7,
  limit: 50_000,
};

/** One line's parts of the score; reasons are written only for the lines that are kept. */
interface LineRisk {
  anomaly: number;
  lowValue: boolean;
  /** The country the goods really come from, when it differs from the declared origin. */
  realOrigin: string | null;
  riskiest: PartyRisk | Lead | null;
  network: number;
  ring: Ring | null;
}

/** Why a line's riskiest party makes it a target: one sentence per party or lead. */
function partyReason(riskiest: PartyRisk | Lead): string {
  if ('ringIds' in riskiest)
    return `${riskiest.label.toLowerCase()} ${riskiest.id} has network risk ${riskiest.score.toFixed(2)} (${riskiest.ringIds.length} ring${riskiest.ringIds.length === 1 ? '' : 's'})`;
  return `${riskiest.label.toLowerCase()} ${riskiest.id} is a lead (${riskiest.detector.replace(/_/g, ' ')}, ${riskiest.score.toFixed(2)}): ${riskiest.reason}`;
}

/** Why a ring's evidence makes a line a target. */
function ringReason(ring: Ring): string {
  return `named as evidence by ring ${ring.id} (${ring.typology.replace(/_/g, ' ')}, score ${ring.score.toFixed(2)})`;
}

/**
 * Why a line is a target, in the order an officer reads them. The sentences about a party or a
 * ring are the same on each of its lines: `said` keeps them, written once.
 */
function reasonsOf(lines: LineTable, i: number, r: LineRisk, said: Map<object, string>): string[] {
  const reasons: string[] = [];
  if (r.lowValue)
    reasons.push(
      `unit value ${(lines.unitValueZScore[i] ?? 0).toFixed(1)} robust deviations below the median for HS ${lines.hsCode[i]?.slice(0, 4)} from ${lines.origin[i] ?? 'unknown origin'}`,
    );
  if (r.realOrigin)
    reasons.push(`declared origin ${lines.origin[i]} but the goods come from ${r.realOrigin}`);
  const { riskiest, ring } = r;
  if (riskiest) {
    let text = said.get(riskiest);
    if (text === undefined) said.set(riskiest, (text = partyReason(riskiest)));
    reasons.push(text);
  }
  if (ring) {
    let text = said.get(ring);
    if (text === undefined) said.set(ring, (text = ringReason(ring)));
    reasons.push(text);
  }
  return reasons;
}

/**
 * For each declaration line named as evidence, the best-scored ring naming it; and the declarations
 * named. Indicators of weight 0 (a lead corroborating the ring) are shown with the ring but name
 * no line: the seized lines a lead cites were inspected already.
 */
function ringsByDeclaration(rings: readonly Ring[]): {
  named: Map<string, Ring>;
  namedDeclarations: Set<string>;
} {
  const named = new Map<string, Ring>();
  const namedDeclarations = new Set<string>();
  for (const ring of rings) {
    for (const ind of ring.indicators) {
      if (ind.weight <= 0) continue;
      for (const d of ind.evidence.declarations) {
        const best = named.get(d);
        if (!best || best.score < ring.score) named.set(d, ring);
        namedDeclarations.add(d.slice(0, d.lastIndexOf('/')));
      }
    }
  }
  return { named, namedDeclarations };
}

export function targetLines(
  view: DetectionView,
  rings: readonly Ring[],
  parties: readonly PartyRisk[],
  overrides: Partial<TargetingOptions> = {},
  leads: readonly Lead[] = [],
): LineTarget[] {
  const o = { ...TARGETING_DEFAULTS, ...overrides };
  const { lines, graph } = view;
  const risk = new Map<string, { of: PartyRisk | Lead; value: number }>();
  for (const l of leads) {
    const value = l.score * o.leadRiskFactor;
    if (value > (risk.get(nodeKey(l))?.value ?? 0)) risk.set(nodeKey(l), { of: l, value });
  }
  for (const p of parties)
    if (p.score >= (risk.get(nodeKey(p))?.value ?? 0)) risk.set(nodeKey(p), { of: p, value: p.score });
  // Per party index, once: its risk and its country (the line table stores party indices).
  const partyRisk = lines.partyKeys.map((key) => risk.get(key) ?? null);
  const partyCountry = lines.partyKeys.map((key) =>
    graph.hasNode(key) ? graph.getNodeAttribute(key, 'country') : null,
  );
  const { named, namedDeclarations } = ringsByDeclaration(rings);
  const columns = [lines.importer, lines.consignee, lines.supplier, lines.broker];
  const lineRisk = (i: number): LineRisk => {
    const z = lines.unitValueZScore[i] ?? Number.NaN;
    const lowValue = z < -1;
    let anomaly = lowValue ? Math.min(1, (-z - 1) / 3) : 0;
    const s = lines.supplier[i] ?? -1;
    const origin = lines.origin[i];
    const realOrigin = (s >= 0 ? partyCountry[s] : null) ?? lines.departure[i] ?? null;
    const mismatch = Boolean(origin && realOrigin && origin !== realOrigin);
    if (mismatch) anomaly = Math.max(anomaly, 0.4);
    let network = 0;
    let riskiest: PartyRisk | Lead | null = null;
    for (const col of columns) {
      const p = col[i] ?? -1;
      const r = p < 0 ? null : partyRisk[p];
      if (!r) continue;
      const value = r.value * (col === lines.broker ? o.brokerRiskFactor : 1);
      if (value > network) {
        network = value;
        riskiest = r.of;
      }
    }
    const ring = namedDeclarations.has(lines.declarationId[i]!)
      ? (named.get(declarationOf(view, i)) ?? null)
      : null;
    return { anomaly, lowValue, realOrigin: mismatch ? realOrigin : null, riskiest, network, ring };
  };
  const scoreOf = (r: LineRisk): number =>
    1 -
    (1 - o.anomalyWeight * r.anomaly) *
      (1 - o.networkWeight * r.network) *
      (1 - o.evidenceWeight * (r.ring?.score ?? 0));
  const scores = new Float64Array(lines.size);
  for (let i = 0; i < lines.size; i++) scores[i] = scoreOf(lineRisk(i));
  const said = new Map<object, string>();
  return topLines(scores, o.limit).map((i) => ({
    declarationId: lines.declarationId[i]!,
    line: lines.line[i]!,
    score: Math.round(scores[i]! * 1e6) / 1e6,
    reasons: reasonsOf(lines, i, lineRisk(i), said),
  }));
}

/**
 * The `limit` lines of positive score that come first by score (highest first), then line
 * index. The limit-th score is selected in linear time; only the lines above it, and as many
 * of the lines at it as fit (lowest index first), are sorted.
 */
export function topLines(scores: Float64Array, limit: number): number[] {
  const positive: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) positive.push(i);
  const order = (a: number, b: number): number => scores[b]! - scores[a]! || a - b;
  if (!Number.isInteger(limit) || limit <= 0 || positive.length <= limit)
    return positive.sort(order).slice(0, limit);
  const values = new Float64Array(positive.length);
  for (let k = 0; k < positive.length; k++) values[k] = scores[positive[k]!]!;
  selectInPlace(values, positive.length - limit);
  const threshold = values[positive.length - limit]!;
  const kept = positive.filter((i) => scores[i]! > threshold);
  for (const i of positive) {
    if (kept.length >= limit) break;
    if (scores[i] === threshold) kept.push(i);
  }
  return kept.sort(order);
}

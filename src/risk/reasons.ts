// A score's reasons in words an officer reads: the features that pushed the line's log-odds up
// most (TreeSHAP contributions), each with its value, e.g. "importer's past fraud rate 31%
// (+1.20)" or "unit value 58% below the HS 640399 median (+0.90)".
import {
  CATEGORIES,
  HISTORIES,
  logUnitValue,
  unitValueVsHs,
  type FeaturePlan,
  type RiskLine,
} from './features.ts';
import { NETWORK_FEATURES } from './network.ts';
import { describeExtra } from './extra-features.ts';

const PARTY_WORDS: Record<string, string> = {
  declarant: "declarant's",
  importer: "importer's",
  seller: "seller's",
  courier: "courier's",
  hs6: 'HS6 code’s',
  hs4: 'HS4 heading’s',
};

const percent = (x: number): string => `${Math.round(x * 100)}%`;

function historyWords(plan: FeaturePlan, name: string, l: RiskLine, what: 'Rate' | 'Lines'): string {
  const key = HISTORIES[name]!(l);
  const [n, frauds] = key === null ? [0, 0] : (plan.histories[name]?.[key] ?? [0, 0]);
  const who = PARTY_WORDS[name] ?? `${name}'s`;
  if (n === 0) return `${who.replace(/'s$|’s$/, '')} without inspected history`;
  return what === 'Rate'
    ? `${who} past fraud rate ${percent(frauds / n)} (${frauds} of ${n} inspected lines)`
    : `${who} ${n} past inspected lines`;
}

function numericWords(plan: FeaturePlan, name: string, l: RiskLine): string {
  switch (name) {
    case 'dutyRate':
      return l.dutyRate === null ? 'duty rate unknown' : `duty rate ${percent(l.dutyRate)}`;
    case 'logValue':
      return `declared value ${Math.round(l.customsValue).toLocaleString('en')}`;
    case 'logMass':
      return l.netMassKg === null
        ? 'net mass unknown'
        : `net mass ${Math.round(l.netMassKg).toLocaleString('en')} kg`;
    case 'logUnitValue':
      return Number.isNaN(logUnitValue(l))
        ? 'unit value unknown'
        : `unit value ${Math.exp(logUnitValue(l)).toPrecision(3)} per kg`;
    default: {
      const gap = unitValueVsHs(plan, l);
      if (Number.isNaN(gap)) return 'unit value without an HS median to compare';
      const ratio = Math.exp(gap) - 1;
      return `unit value ${percent(Math.abs(ratio))} ${ratio < 0 ? 'below' : 'above'} the HS ${l.hsCode} median`;
    }
  }
}

function networkWords(name: string, l: RiskLine): string {
  const n = l.network;
  if (n === undefined) return 'no detection run';
  if (name === 'importerPartyRisk') return `importer's party risk ${n.importerRisk.toFixed(2)}`;
  if (n.rings === 0) return 'no party of the line in a ring';
  return `importer, broker or supplier in ${n.rings} ring${n.rings === 1 ? '' : 's'}`;
}

/** One feature's value for a line, in words. */
export function describeFeature(plan: FeaturePlan, name: string, l: RiskLine): string {
  if ((NETWORK_FEATURES as readonly string[]).includes(name)) return networkWords(name, l);
  const extra = describeExtra(name, l, plan.paidRateMedians);
  if (extra !== null) return extra;
  const history = /^(.*)(Rate|Lines)$/.exec(name);
  if (history && HISTORIES[history[1]!])
    return historyWords(plan, history[1]!, l, history[2] as 'Rate' | 'Lines');
  if (CATEGORIES[name])
    return `${name === 'hs6' || name === 'hs4' || name === 'hs2' ? name.toUpperCase() : name} ${CATEGORIES[name](l) ?? 'unknown'}`;
  if (name.startsWith('attr:')) return `${name.slice(5)} ${l.attributes[name.slice(5)] ?? 'unknown'}`;
  return numericWords(plan, name, l);
}

/** The `count` features that raised the score most, in words with their contribution. */
export function topReasons(
  plan: FeaturePlan,
  names: readonly string[],
  l: RiskLine,
  contributions: Float64Array,
  count = 3,
): string[] {
  return Array.from(contributions, (c, f) => ({ c, f }))
    .filter((x) => x.c > 0.01)
    .sort((a, b) => b.c - a.c || a.f - b.f)
    .slice(0, count)
    .map(({ c, f }) => `${describeFeature(plan, names[f]!, l)} (+${c.toFixed(2)})`);
}

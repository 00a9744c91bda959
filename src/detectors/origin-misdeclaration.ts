// Origin misdeclaration / transshipment: for one supplier and one HS heading the declared origin
// switches away from the supplier's own country (or from where the goods departed) to another,
// usually one with a lower duty. Revenue at risk is the duty difference where rates are known.
import { z } from 'zod';
import { hsHeading, type DetectionView } from '../graph/view.ts';
import {
  assertView,
  byMembers,
  clamp01,
  declarationOf,
  dutyRateOf,
  evidence,
  idOf,
  member,
  parseOptions,
  percent,
  type CandidateRing,
} from './common.ts';

const Options = z
  .object({
    /** Fewest misdeclared-looking lines for one supplier and heading. */
    minLines: z.number().int().min(1),
    /** Share of the supplier's lines in the heading that look misdeclared. */
    minShare: z.number().min(0).max(1),
    /** A supplier trading with more importers than this in the heading is a market, not a ring. */
    maxImporters: z.number().int().min(1),
  })
  .strict();
export type OriginMisdeclarationOptions = z.infer<typeof Options>;

export const DEFAULTS: OriginMisdeclarationOptions = { minLines: 3, minShare: 0.3, maxImporters: 15 };

interface Flow {
  supplier: string;
  heading: string;
  lines: number[];
  suspect: number[];
  /** The origin the goods really have: the supplier's country, else where they departed from. */
  trueOrigins: Map<string, number>;
}

export function detect(view: DetectionView, options: Partial<OriginMisdeclarationOptions> = {}): CandidateRing[] {
  assertView('origin_misdeclaration', view);
  const o = parseOptions('origin_misdeclaration', Options, DEFAULTS, options);
  const { lines, graph } = view;
  const flows = new Map<string, Flow>();
  for (let i = 0; i < lines.size; i++) {
    const s = lines.supplier[i] ?? -1;
    const origin = lines.origin[i];
    if (s < 0 || !origin) continue;
    const supplier = lines.partyKeys[s]!;
    const heading = hsHeading(lines.hsCode[i] ?? '');
    const key = `${supplier}\t${heading}`;
    let flow = flows.get(key);
    if (!flow) flows.set(key, (flow = { supplier, heading, lines: [], suspect: [], trueOrigins: new Map() }));
    flow.lines.push(i);
    const home = graph.hasNode(supplier) ? graph.getNodeAttribute(supplier, 'country') : null;
    const departure = lines.departure[i];
    const real = home ?? departure ?? null;
    if (real && real !== origin) {
      flow.suspect.push(i);
      flow.trueOrigins.set(real, (flow.trueOrigins.get(real) ?? 0) + 1);
    }
  }
  const rings: CandidateRing[] = [];
  for (const flow of [...flows.values()].sort((a, b) => (a.supplier + a.heading < b.supplier + b.heading ? -1 : 1))) {
    if (flow.suspect.length < o.minLines || flow.suspect.length / flow.lines.length < o.minShare) continue;
    const importers = [...new Set(flow.suspect.map((i) => lines.partyKeys[lines.importer[i] ?? -1]!).filter(Boolean))].sort();
    if (importers.length > o.maxImporters) continue;
    const declared = [...new Set(flow.suspect.map((i) => lines.origin[i]!))].sort();
    const trueOrigin = [...flow.trueOrigins].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const trueRate = view.dutyRates.get(`${flow.heading}|${trueOrigin}`) ?? null;
    let revenueAtRisk = 0;
    let lowerRate = 0;
    for (const i of flow.suspect) {
      const rate = dutyRateOf(view, i);
      if (trueRate !== null && trueRate > rate) {
        revenueAtRisk += (lines.customsValue[i] ?? 0) * (trueRate - rate);
        lowerRate += 1;
      }
    }
    const share = flow.suspect.length / flow.lines.length;
    const departures = new Set<string>();
    for (const i of flow.suspect) {
      const d = lines.departure[i];
      if (d && d !== lines.origin[i]) departures.add(d);
    }
    const declarations = flow.suspect.map((i) => declarationOf(view, i));
    rings.push({
      typology: 'origin_misdeclaration',
      members: [member(flow.supplier, 'supplier'), ...importers.map((k) => member(k, 'importer'))],
      indicators: [
        {
          name: 'origin_mismatch',
          value: share,
          weight: 0.45,
          description: `${percent(share)} of HS ${flow.heading} lines from supplier ${idOf(flow.supplier)} declare origin ${declared.join('/')} though the goods come from ${trueOrigin}`,
          evidence: evidence([flow.supplier, ...importers], [], declarations),
        },
        {
          name: 'transshipment_route',
          value: departures.size > 0 ? 1 : 0.5,
          weight: 0.25,
          description: departures.size > 0 ? `goods departed from ${[...departures].sort().join('/')} under another declared origin` : 'the declared origin differs from the supplier\'s country',
          evidence: evidence([flow.supplier], [], declarations),
        },
        {
          name: 'lower_duty_origin',
          value: clamp01(lowerRate / flow.suspect.length),
          weight: 0.3,
          description: trueRate === null ? `no duty rate is known for origin ${trueOrigin}` : `${lowerRate} of ${flow.suspect.length} lines pay a lower duty than goods of ${trueOrigin} would`,
          evidence: evidence([flow.supplier], [], declarations),
        },
      ],
      revenueAtRisk,
    });
  }
  return rings.sort(byMembers);
}

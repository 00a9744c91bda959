// One declaration line: true goods and true value from the catalogue, then what is declared.
// Every planted fraud is a difference between the two (value, heading, origin, duty paid), and
// the line's revenue at risk is the duty due on the truth minus the duty paid.
import { dutyRateFor, type Heading } from './catalogue.ts';
import type { Rng } from '../src/model/rng.ts';
import type { LineDraft } from './types.ts';

export interface LineSpec {
  heading: Heading;
  /** True origin of the goods. */
  origin: string;
  departure?: string;
  priceLevel?: number;
  massScale?: number;
  /** Declared value ÷ true value (undervaluation when < 1). */
  valueFactor?: number;
  /** Heading declared instead of the true one (misclassification). */
  declaredHeading?: Heading;
  /** Origin declared instead of the true one (origin misdeclaration). */
  declaredOrigin?: string;
  /** A fixed true value (low-value consignments), instead of mass × unit value. */
  trueValue?: number;
  /** No duty paid: below the de-minimis value, or duty deferred and never paid. */
  noDutyPaid?: boolean;
  illicit?: boolean;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function goodsLine(rng: Rng, spec: LineSpec): LineDraft {
  const { heading } = spec;
  const declaredHeading = spec.declaredHeading ?? heading;
  const declaredOrigin = spec.declaredOrigin ?? spec.origin;
  const unitValue = rng.logNormal(heading.unitValueMedian * (spec.priceLevel ?? 1), heading.unitValueSigma);
  let netMassKg: number;
  let trueValue: number;
  if (spec.trueValue !== undefined) {
    trueValue = spec.trueValue;
    netMassKg = Math.max(0.1, Math.round((trueValue / unitValue) * 10) / 10);
  } else {
    netMassKg = Math.max(
      0.5,
      Math.round(rng.logNormal(heading.lineMassMedian * (spec.massScale ?? 1), 0.7) * 10) / 10,
    );
    trueValue = netMassKg * unitValue;
  }
  const customsValue = round2(Math.max(1, trueValue * (spec.valueFactor ?? 1)));
  const dutyPaid = spec.noDutyPaid ? 0 : round2(customsValue * dutyRateFor(declaredHeading, declaredOrigin));
  const dutyDue = trueValue * dutyRateFor(heading, spec.origin);
  return {
    heading,
    hsCode: declaredHeading.heading + rng.pick(declaredHeading.subheadings),
    description: declaredHeading.description,
    originCountry: declaredOrigin,
    departureCountry: spec.departure ?? declaredOrigin,
    quantity: Math.max(1, Math.round(netMassKg / heading.kgPerUnit)),
    netMassKg,
    grossMassKg: Math.round(netMassKg * (1.04 + rng.next() * 0.14) * 10) / 10,
    customsValue,
    dutyPaid,
    illicit: spec.illicit ?? false,
    revenueAtRisk: spec.illicit ? round2(Math.max(0, dutyDue - dutyPaid)) : 0,
  };
}

// The named rules detectors apply to a party's own signals: "undervaluing" (declared unit values
// persistently below the usual ones) and "risky firm" (undervaluing, or goods seized). Their
// thresholds are options: each detector that applies a rule carries it in its DEFAULTS.
import { z } from 'zod';
import type { PartySignals } from './party-signals.ts';

export const UndervaluingRule = z
  .object({
    /** Fewest lines with a known unit-value z-score before the party's bias is judged. */
    minScoredLines: z.number().int().min(1),
    /** The median z-score of the party's lines must be at or below this. */
    maxMedianZScore: z.number(),
    /** Share of its scored lines more than one robust deviation below their group median. */
    minShareBelow: z.number().min(0).max(1),
  })
  .strict();
export type UndervaluingRule = z.infer<typeof UndervaluingRule>;

export const RiskyFirmRule = z
  .object({
    undervaluing: UndervaluingRule,
    /** Seized lines that make a party risky whatever its unit values. */
    minSeizedLines: z.number().int().min(1),
  })
  .strict();
export type RiskyFirmRule = z.infer<typeof RiskyFirmRule>;

export const UNDERVALUING: UndervaluingRule = { minScoredLines: 3, maxMedianZScore: -1, minShareBelow: 0.5 };

export const RISKY_FIRM: RiskyFirmRule = { undervaluing: UNDERVALUING, minSeizedLines: 1 };

/** A party whose declared unit values sit persistently below the usual ones. */
export function isUndervaluing(s: PartySignals | undefined, rule: UndervaluingRule): boolean {
  return (
    s !== undefined &&
    s.scoredLines >= rule.minScoredLines &&
    s.medianZ <= rule.maxMedianZScore &&
    s.shareBelow >= rule.minShareBelow
  );
}

/** A party that undervalues or had goods seized. */
export function isRiskyFirm(s: PartySignals | undefined, rule: RiskyFirmRule): boolean {
  return isUndervaluing(s, rule.undervaluing) || (s?.seizedLines.length ?? 0) >= rule.minSeizedLines;
}

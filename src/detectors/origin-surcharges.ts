// Surcharges the data reveal: an origin whose goods of a heading pay far more duty than the
// heading's other origins (the median over origins, one vote each) carries an anti-dumping or
// countervailing surcharge, whether or not the administration profile lists it.
import { median } from '../graph/robust.ts';

/**
 * heading|origin → the observed surcharge (origin's median rate less the median over the
 * heading's origins), for the origins at least `minSurcharge` above; read from median rates per
 * `heading|origin` as the projection computes them.
 */
export function observedSurcharges(
  dutyRates: ReadonlyMap<string, number>,
  minSurcharge: number,
): Map<string, number> {
  const byHeading = new Map<string, [origin: string, rate: number][]>();
  for (const [key, rate] of dutyRates) {
    const bar = key.indexOf('|');
    if (bar < 0) continue;
    const heading = key.slice(0, bar);
    (byHeading.get(heading) ?? byHeading.set(heading, []).get(heading)!).push([key.slice(bar + 1), rate]);
  }
  const out = new Map<string, number>();
  for (const [heading, origins] of byHeading) {
    // Two origins are no market to stand out from.
    if (origins.length < 3) continue;
    const usual = median(origins.map(([, rate]) => rate));
    for (const [origin, rate] of origins)
      if (rate - usual >= minSurcharge) out.set(`${heading}|${origin}`, rate - usual);
  }
  return out;
}

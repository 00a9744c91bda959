// The administration profile: the facts that differ between customs administrations and that
// detectors must never hard-code — the currency values are declared in, the de-minimis value(s)
// below which a consignment pays no duty, duty rates and anti-dumping surcharges by HS heading,
// known transshipment hubs, and the business-centre addresses and big forwarders whose sharing
// says nothing about a ring. Presets live in ./profiles/*.json; `ringscope detect --profile`.
import { z } from 'zod';
import eu from './profiles/eu.json' with { type: 'json' };
import us from './profiles/us.json' with { type: 'json' };

const POSITIVE = 'expected a positive number';
const Positive = z.number({ error: POSITIVE }).positive({ error: POSITIVE });
const Rate = z
  .number({ error: 'expected a duty rate between 0 and 1 (0.12 = 12 %)' })
  .min(0, { error: 'expected a duty rate between 0 and 1 (0.12 = 12 %)' })
  .max(1, { error: 'expected a duty rate between 0 and 1 (0.12 = 12 %)' });
const Currency = z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 currency code, e.g. EUR' });
const Country = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166 two-letter country code, e.g. CN' });
const Heading = z.string().regex(/^\d{4}$/, { error: 'expected a four-digit HS heading, e.g. 7318' });

export const DeMinimis = z
  .object({
    value: Positive,
    /** The currency the value is set in; the profile's currency when absent. */
    currency: Currency.optional(),
    description: z.string().optional(),
  })
  .strict();

export const AdministrationProfile = z
  .object({
    name: z.string().min(1, { error: 'expected a name' }),
    /** The currency of customs values in the declarations. */
    currency: Currency,
    /** Units of the profile's currency one unit of another currency is worth (for deMinimis). */
    exchangeRates: z.record(Currency, Positive).default({}),
    deMinimis: z.array(DeMinimis).min(1, { error: 'expected at least one de-minimis value' }),
    /** Rate for goods the data and the table give none for. */
    defaultDutyRate: Rate,
    /** Conventional rates by heading (and origin, where one applies only to that origin). */
    dutyRates: z
      .array(z.object({ heading: Heading, origin: Country.optional(), rate: Rate }).strict())
      .default([]),
    /** Anti-dumping or countervailing surcharges: goods of these origins pay `rate` on top. */
    surcharges: z
      .array(z.object({ heading: Heading, origins: z.array(Country).min(1), rate: Rate }).strict())
      .default([]),
    /** Countries goods are known to be routed through to lose a surcharged origin. */
    transshipmentHubs: z.array(Country).default([]),
    /** Addresses many lawful firms share (business centres, registered agents): no link. */
    businessCentreAddresses: z.array(z.string().min(1)).default([]),
    /** Forwarders and couriers serving many lawful clients, by entity id or name: no link. */
    bigForwarders: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    p.deMinimis.forEach((d, i) => {
      if (d.currency && d.currency !== p.currency && !p.exchangeRates[d.currency])
        ctx.addIssue({
          code: 'custom',
          path: ['deMinimis', i, 'currency'],
          message: `no exchange rate for ${d.currency} in exchangeRates (values are declared in ${p.currency})`,
        });
    });
  });
export type AdministrationProfile = z.infer<typeof AdministrationProfile>;

/** What duty arithmetic reads of a profile. */
export type DutyFacts = Pick<AdministrationProfile, 'defaultDutyRate' | 'dutyRates' | 'surcharges'>;

/** `deMinimis[0].value` from a zod issue path. */
export function profileFieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** The preset profiles by name; `eu` is the default. */
export const PROFILE_PRESETS: Readonly<Record<string, AdministrationProfile>> = {
  eu: AdministrationProfile.parse(eu),
  us: AdministrationProfile.parse(us),
};
export const DEFAULT_PROFILE: AdministrationProfile = PROFILE_PRESETS.eu!;

/** The profile's de-minimis values in its own currency, ascending, without repeats. */
export function deMinimisValues(profile: AdministrationProfile): number[] {
  const values = profile.deMinimis.map(
    (d) => d.value * (d.currency && d.currency !== profile.currency ? profile.exchangeRates[d.currency]! : 1),
  );
  return [...new Set(values)].sort((a, b) => a - b);
}

/** The profile's rate for a heading from an origin: table (origin first), default, plus surcharges. */
export function profileDutyRate(profile: DutyFacts, heading: string, origin: string): number {
  const own = profile.dutyRates.find((r) => r.heading === heading && r.origin === origin);
  const conventional = profile.dutyRates.find((r) => r.heading === heading && !r.origin);
  return ((own ?? conventional)?.rate ?? profile.defaultDutyRate) + surcharge(profile, heading, origin);
}

/** The surcharge goods of this heading pay when they originate in this country (0 when none). */
export function surcharge(profile: Pick<DutyFacts, 'surcharges'>, heading: string, origin: string): number {
  return profile.surcharges
    .filter((s) => s.heading === heading && s.origins.includes(origin))
    .reduce((sum, s) => sum + s.rate, 0);
}

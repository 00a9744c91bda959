// The API's route map: for a ring or a set of parties, their declaration lines grouped by
// origin country → departure country → entry office, with line count, value and first and last
// date, aggregated over every line (never a cut list).
import { z } from 'zod';
import { NodeKeyParam } from './graph.ts';

/** Most parties in one route map asked by key. */
export const MAX_ROUTE_PARTIES = 200;

export const ShippingRoutesParams = z.strictObject({
  /** A ring: its members' lines. */
  ring: z.string().min(1).max(200).optional(),
  /** Parties (repeat `key`): their lines. Exactly one of `ring` and `key`. */
  key: z
    .union([NodeKeyParam, z.array(NodeKeyParam).min(1).max(MAX_ROUTE_PARTIES)])
    .transform((k) => (Array.isArray(k) ? k : [k]))
    .optional(),
});
export type ShippingRoutesParams = z.output<typeof ShippingRoutesParams>;

const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code');

export const ShippingRoute = z.strictObject({
  /** Country of origin of the goods; null where the lines do not say. */
  origin: Country.nullable(),
  /** Country the goods were dispatched from; null where not stated. */
  departure: Country.nullable(),
  /** Customs office of entry as the lines name it (e.g. NLRTM01); null where not stated. */
  office: z.string().nullable(),
  lines: z.number().int(),
  /** Sum of customs values, rounded to cents. */
  value: z.number(),
  first: z.string(),
  last: z.string(),
});
export type ShippingRoute = z.infer<typeof ShippingRoute>;

export const ShippingRoutesAnswer = z.strictObject({
  /** The parties whose lines are counted (people and identifiers have none), by key. */
  parties: z.array(z.string()),
  /** Largest value first, then most lines. */
  routes: z.array(ShippingRoute),
  /** Over all routes: each line once. */
  lines: z.number().int(),
  value: z.number(),
});
export type ShippingRoutesAnswer = z.infer<typeof ShippingRoutesAnswer>;

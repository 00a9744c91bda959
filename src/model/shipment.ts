// A declaration line as stored on a Shipment node, and the flat record detectors read: the
// line with the ids of its parties.
import { z } from 'zod';

const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Properties of a Shipment node (one declaration line). Unknown values are absent or null. */
export const ShipmentProps = z.object({
  declarationId: z.string().min(1),
  line: z.number().int().positive(),
  date: IsoDate,
  office: z.string().nullable().optional(),
  /** HS code as a string of digits: leading zeros are kept. */
  hsCode: z.string().regex(/^\d{2,12}$/),
  description: z.string().nullable().optional(),
  originCountry: Country.nullable().optional(),
  departureCountry: Country.nullable().optional(),
  quantity: z.number().finite().nonnegative().nullable().optional(),
  netMassKg: z.number().finite().nonnegative().nullable().optional(),
  grossMassKg: z.number().finite().nonnegative().nullable().optional(),
  /** Declared customs value in `currency`. */
  customsValue: z.number().finite().nonnegative(),
  currency: z.string().nullable().optional(),
  dutyPaid: z.number().finite().nonnegative().nullable().optional(),
  /** Duty rate (fraction, 0.08 = 8%) where the source states it. */
  dutyRate: z.number().finite().nonnegative().nullable().optional(),
  inspected: z.boolean().nullable().optional(),
  /** Inspection result where known: smuggling / prohibited goods found. */
  illicit: z.boolean().nullable().optional(),
  /** Revenue recovered at inspection where known (0 when none). */
  revenueRecovered: z.number().finite().nonnegative().nullable().optional(),
  /** FOB value in `currency` where the source states it apart from the customs (CIF) value. */
  fobValue: z.number().finite().nonnegative().nullable().optional(),
  /** Source label (KCS): a fraudulent attempt to reduce duty was found. */
  fraud: z.boolean().nullable().optional(),
  /** Source label (KCS): a critical case that may threaten public safety. */
  criticalFraud: z.boolean().nullable().optional(),
  /** Delivery service (express courier) that carried the line, where the source names one. */
  courierId: z.string().nullable().optional(),
});
export type ShipmentProps = z.infer<typeof ShipmentProps>;

/** One declaration line with the ids of its parties, as streamed to detectors. */
export const ShipmentRecord = ShipmentProps.extend({
  importerId: z.string(),
  brokerId: z.string().nullable(),
  consigneeId: z.string().nullable(),
  supplierId: z.string().nullable(),
});
export type ShipmentRecord = z.infer<typeof ShipmentRecord>;

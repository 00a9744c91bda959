// The API's answers for walking a party's network as investigators do: its neighbours page by
// page (any hub), its trade links aggregated from declaration lines (importer–broker,
// importer–supplier, importer–consignee: line count, value, first and last date) with the
// overflow grouped, and the declaration lines of one link, paged.
import { z } from 'zod';
import { ApiEdge, ApiNode, LabelList, NodeKeyParam } from './graph.ts';

/** Most neighbours or link lines in one page. */
export const MAX_PAGE = 2000;

export const NeighboursParams = z.strictObject({
  labels: LabelList.optional(),
  /** The `next` of the previous page. */
  after: NodeKeyParam.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(500),
});
export type NeighboursParams = z.output<typeof NeighboursParams>;

export const NeighboursAnswer = z.strictObject({
  start: ApiNode,
  /** This page's neighbours in node-key order. */
  nodes: z.array(ApiNode),
  /** The relationships between the start and this page's neighbours. */
  edges: z.array(ApiEdge),
  /** Neighbours (of the asked labels) in all pages. */
  total: z.number().int(),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
});

/** The counterpart's side of a link: what it does on the lines the two share. */
export const TradeRole = z.enum(['importer', 'broker', 'supplier', 'consignee']);

const Aggregate = {
  lines: z.number().int(),
  /** Sum of customs values, rounded to cents. */
  value: z.number(),
  /** The first and last line's date. */
  first: z.string(),
  last: z.string(),
};

export const TradeLinksParams = z.strictObject({
  key: NodeKeyParam,
  /** Most links listed per role; the rest are one group per role. */
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

export const TradeLinksAnswer = z.strictObject({
  party: ApiNode,
  /** The largest links (by value, then lines, then key), at most `limit` per role. */
  links: z.array(
    z.strictObject({
      /** `TRADES|<party key>|<other key>`: a link drawn as one edge. */
      id: z.string(),
      role: TradeRole,
      other: ApiNode,
      ...Aggregate,
    }),
  ),
  /** Per role, the links beyond the limit as one group ("412 more importers"). */
  more: z.array(z.strictObject({ role: TradeRole, parties: z.number().int(), ...Aggregate })),
});

export const TradeLinkLinesParams = z.strictObject({
  from: NodeKeyParam,
  to: NodeKeyParam,
  /** The `next` of the previous page. */
  cursor: z.string().max(1200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
});

export const TradeLinkLinesAnswer = z.strictObject({
  lines: z.array(
    z.strictObject({ shipmentId: z.string(), date: z.string(), customsValue: z.number().nullable() }),
  ),
  /** Pass as `cursor` for the next page; null on the last page. */
  next: z.string().nullable(),
});

export type NeighboursAnswer = z.infer<typeof NeighboursAnswer>;
export type TradeLinksAnswer = z.infer<typeof TradeLinksAnswer>;
export type TradeLinkLinesAnswer = z.infer<typeof TradeLinkLinesAnswer>;

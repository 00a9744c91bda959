// The graph and findings answers of the API: nodes, edges, search, node detail, neighbourhood,
// paths, statistics, rings and inspection targets. The server's OpenAPI document is generated
// from them and the explorer validates what it receives against them.
import { z } from 'zod';
import {
  LineTarget,
  NodeLabel,
  PartyRisk,
  PropValue,
  RelType,
  Ring,
  RingSummary,
  SourceRef,
} from '../model/index.ts';

export const NodeKeyParam = z
  .string()
  .min(3)
  .max(600)
  .regex(/^[A-Za-z]+:.+$/, 'a node key Label:id, e.g. Importer:IM-00042');

export const ApiNode = z.strictObject({
  key: z.string(),
  label: NodeLabel,
  id: z.string(),
  name: z.string(),
  props: z.record(z.string(), PropValue),
  /** 0..1 from the last detection run; null when never scored. */
  risk: z.number().min(0).max(1).nullable(),
});
export type ApiNode = z.infer<typeof ApiNode>;

export const ApiEdge = z.strictObject({
  id: z.string(),
  type: RelType,
  source: z.string(),
  target: z.string(),
  props: z.record(z.string(), PropValue),
});
export type ApiEdge = z.infer<typeof ApiEdge>;

// A ring as lists show it: the model's shape, served as is.
export { RingSummary };

/** `a,b,c` → a list of known labels; unknown labels are a validation error, never a query part. */
export const LabelList = z
  .string()
  .max(300)
  .transform((s) =>
    s
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .pipe(z.array(NodeLabel).max(NodeLabel.options.length));
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
/** The filters of a neighbourhood read, as the API takes them in its query string. */
export const NeighbourhoodParams = z.strictObject({
  hops: z.coerce.number().int().min(1).max(3).default(1),
  labels: LabelList.optional(),
  dateFrom: IsoDate.optional(),
  dateTo: IsoDate.optional(),
  hsPrefix: z
    .string()
    .regex(/^\d{1,12}$/, 'HS digits')
    .optional(),
  /** Parties scored below this drop out with their edges (the start node always stays). */
  minRisk: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(200),
});
export type NeighbourhoodParams = z.output<typeof NeighbourhoodParams>;

/**
 * A search hit. `match`: exact id, declaration id, normalised identifier value, name prefix
 * (ranked first, in that order), then full-text hits: `text` (the query starts a word of the
 * field or is inside it), `fuzzy` (within a typo or two). `matched`: the field that matched.
 */
export const SearchAnswer = z.strictObject({
  hits: z.array(
    z.strictObject({
      key: z.string(),
      label: NodeLabel,
      id: z.string(),
      name: z.string(),
      match: z.enum(['id', 'name', 'identifier', 'declaration', 'text', 'fuzzy']),
      matched: z.enum(['id', 'name', 'value']),
    }),
  ),
});

export const ShipmentPoint = z.strictObject({
  shipmentId: z.string(),
  declarationId: z.string(),
  line: z.number().int(),
  date: z.string(),
  customsValue: z.number(),
  hsCode: z.string(),
  illicit: z.boolean().nullable(),
});

export const TimelineMonth = z.strictObject({
  /** YYYY-MM. */
  month: z.string(),
  lines: z.number().int(),
  value: z.number(),
});

export const NodeDetailAnswer = z.strictObject({
  node: ApiNode.extend({ source: SourceRef.nullable() }),
  risk: PartyRisk.nullable(),
  rings: z.array(RingSummary),
  shipments: z.strictObject({
    /** Totals over ALL the party's lines, aggregated by the store (never from `series`). */
    count: z.number().int(),
    /** True when the party has more shipments than the series holds (totals stay whole). */
    truncated: z.boolean(),
    totalValue: z.number(),
    first: z.string().nullable(),
    last: z.string().nullable(),
    /** Lines and value by month over all the party's lines, oldest first. */
    timeline: z.array(TimelineMonth),
    series: z.array(ShipmentPoint),
  }),
});

export const SubgraphAnswer = z.strictObject({
  nodes: z.array(ApiNode),
  edges: z.array(ApiEdge),
  truncated: z.boolean(),
});
export const PathsAnswer = z.strictObject({
  paths: z.array(z.strictObject({ nodes: z.array(ApiNode), edges: z.array(ApiEdge) })),
});
export const StatsAnswer = z.strictObject({
  nodes: z.record(z.string(), z.number()),
  rels: z.record(z.string(), z.number()),
  lastRun: z
    .object({ runId: z.string(), startedAt: z.string(), finishedAt: z.string(), seed: z.number() })
    .nullable(),
});
export const RingsAnswer = z.strictObject({ rings: z.array(RingSummary), total: z.number().int() });
export const RingDetailAnswer = z.strictObject({
  ring: Ring,
  nodes: z.array(ApiNode),
  edges: z.array(ApiEdge),
});
export const TargetsAnswer = z.strictObject({ lines: z.array(LineTarget) });

export type SearchHit = z.infer<typeof SearchAnswer>['hits'][number];
export type ShipmentPoint = z.infer<typeof ShipmentPoint>;
export type NodeDetailAnswer = z.infer<typeof NodeDetailAnswer>;
export type SubgraphAnswer = z.infer<typeof SubgraphAnswer>;
export type RingDetailAnswer = z.infer<typeof RingDetailAnswer>;

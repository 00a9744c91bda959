// The JSON shapes the API answers with, as zod schemas: the OpenAPI document is generated from
// them and the explorer codes against them (see server/API.md).
import { z } from 'zod';
import { NodeLabel, PartyRisk, PropValue, RelType, Ring, SourceRef, Typology } from '../src/model/index.ts';
import { Role } from './policies.ts';

export const NodeKeyParam = z
  .string()
  .min(3)
  .max(600)
  .regex(/^[A-Za-z]+:.+$/, 'a node key Label:id, e.g. Importer:IM-00042');

export const ApiNode = z.object({
  key: z.string(),
  label: NodeLabel,
  id: z.string(),
  name: z.string(),
  props: z.record(z.string(), PropValue),
  /** 0..1 from the last detection run; null when never scored. */
  risk: z.number().min(0).max(1).nullable(),
});
export type ApiNode = z.infer<typeof ApiNode>;

export const ApiEdge = z.object({
  id: z.string(),
  type: RelType,
  source: z.string(),
  target: z.string(),
  props: z.record(z.string(), PropValue),
});
export type ApiEdge = z.infer<typeof ApiEdge>;

export const RingSummary = z.object({
  id: z.string(),
  typology: Typology,
  score: z.number(),
  revenueAtRisk: z.number(),
  explanation: z.string(),
  memberCount: z.number().int(),
});

export const ApiUser = z.object({ username: z.string(), role: Role });
export const UserAnswer = z.object({ user: ApiUser });

export const SearchAnswer = z.object({
  hits: z.array(
    z.object({
      key: z.string(),
      label: NodeLabel,
      id: z.string(),
      name: z.string(),
      match: z.enum(['id', 'name', 'identifier', 'declaration']),
    }),
  ),
});

export const ShipmentPoint = z.object({
  shipmentId: z.string(),
  declarationId: z.string(),
  line: z.number().int(),
  date: z.string(),
  customsValue: z.number(),
  hsCode: z.string(),
  illicit: z.boolean().nullable(),
});

export const NodeDetailAnswer = z.object({
  node: ApiNode.extend({ source: SourceRef.nullable() }),
  risk: PartyRisk.nullable(),
  rings: z.array(RingSummary),
  shipments: z.object({
    count: z.number().int(),
    /** True when the party has more shipments than the series holds. */
    truncated: z.boolean(),
    totalValue: z.number(),
    first: z.string().nullable(),
    last: z.string().nullable(),
    series: z.array(ShipmentPoint),
  }),
});

export const SubgraphAnswer = z.object({
  nodes: z.array(ApiNode),
  edges: z.array(ApiEdge),
  truncated: z.boolean(),
});
export const PathsAnswer = z.object({
  paths: z.array(z.object({ nodes: z.array(ApiNode), edges: z.array(ApiEdge) })),
});
export const StatsAnswer = z.object({
  nodes: z.record(z.string(), z.number()),
  rels: z.record(z.string(), z.number()),
  lastRun: z
    .object({ runId: z.string(), startedAt: z.string(), finishedAt: z.string(), seed: z.number() })
    .nullable(),
});
export const RingsAnswer = z.object({ rings: z.array(RingSummary), total: z.number().int() });
export const RingDetailAnswer = z.object({ ring: Ring, nodes: z.array(ApiNode), edges: z.array(ApiEdge) });
export const TargetsAnswer = z.object({
  lines: z.array(
    z.object({
      declarationId: z.string(),
      line: z.number().int(),
      score: z.number(),
      reasons: z.array(z.string()),
    }),
  ),
});

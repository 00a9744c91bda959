// Saved investigations: a named canvas (the nodes and links drawn, where each node stood, the
// filters, selection, hidden and pinned nodes, the layout, the open ring and the paths found) stored server-side, owned by one user
// and shared read-only with others.
import { z } from 'zod';
import { NodeLabel } from '../model/index.ts';
import { ApiEdge, ApiNode, IsoDate } from './graph.ts';
import { Username } from './users.ts';

export const InvestigationId = z
  .string()
  .regex(/^I-[0-9a-f]{12}$/, 'an investigation id, e.g. I-0123456789ab');
export const InvestigationName = z.string().trim().min(1).max(200);

/** The canvas's filters as the explorer keeps them ('' for an unset date or chapter). */
export const CanvasFilters = z.strictObject({
  dateFrom: z.union([z.literal(''), IsoDate]),
  dateTo: z.union([z.literal(''), IsoDate]),
  hsChapter: z.string().regex(/^\d{0,10}$/, 'an HS prefix of digits'),
  labels: z.array(NodeLabel).max(20),
  minRisk: z.number().min(0).max(1),
});

const Position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

const TradeRole = z.enum(['importer', 'broker', 'supplier', 'consignee']);
const LinkFigures = {
  role: TradeRole,
  lines: z.number().int().nonnegative(),
  value: z.number().finite(),
  first: z.string().max(40),
  last: z.string().max(40),
};
/** A trade link drawn between two parties of the canvas (aggregated declaration lines). */
const SavedLink = z.strictObject({
  id: z.string().max(600),
  source: z.string().max(300),
  target: z.string().max(300),
  ...LinkFigures,
});
/** A party's links beyond those drawn, one node per role ("412 more importers"). */
const SavedGroup = z.strictObject({
  id: z.string().max(400),
  party: z.string().max(300),
  parties: z.number().int().nonnegative(),
  ...LinkFigures,
});
const Keys = z.array(z.string().max(300)).max(5000);
const SavedLinkLines = z.strictObject({ added: Keys, next: z.string().max(2000).nullable() });
const SavedExpansion = z.strictObject({
  added: Keys,
  limit: z.number().int().positive(),
  truncated: z.boolean(),
});
/** A path found between two nodes: its node keys and edge ids, in order along the path. */
const SavedPath = z.strictObject({ nodes: Keys, edges: Keys });

/** What reopening an investigation draws. Every key it names must be one of its nodes. */
export const CanvasState = z
  .strictObject({
    nodes: z.array(ApiNode).max(5000),
    edges: z.array(ApiEdge).max(20_000),
    positions: z.record(z.string(), Position),
    filters: CanvasFilters,
    selection: z.array(z.string()).max(5000),
    hidden: z.array(z.string()).max(5000),
    pinned: z.array(z.string()).max(5000),
    layout: z.enum(['fcose', 'concentric', 'breadthfirst']),
    /** Trade links, overflow groups, lines opened from links and the parties expanded. */
    links: z.array(SavedLink).max(20_000).default([]),
    groups: z.array(SavedGroup).max(5000).default([]),
    linkLines: z.record(z.string().max(600), SavedLinkLines).default({}),
    expansions: z.record(z.string().max(300), SavedExpansion).default({}),
    /** The ring whose view was open (its id) and the indicator highlighted in it. */
    ring: z.string().max(300).nullable().default(null),
    indicator: z.string().max(200).nullable().default(null),
    /** Paths found between two nodes, and the one drawn (-1: none). */
    paths: z.array(SavedPath).max(50).default([]),
    activePath: z.number().int().min(-1).default(-1),
  })
  .superRefine((canvas, ctx) => {
    const keys = new Set(canvas.nodes.map((n) => n.key));
    const named: [string, string[]][] = [
      ['positions', Object.keys(canvas.positions)],
      ['selection', canvas.selection],
      ['hidden', canvas.hidden],
      ['pinned', canvas.pinned],
    ];
    for (const [field, list] of named) {
      const stray = list.find((key) => !keys.has(key));
      if (stray !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `${stray} is not one of the canvas's nodes` });
    }
    const looseLink = canvas.links.find((l) => !keys.has(l.source) || !keys.has(l.target));
    if (looseLink)
      ctx.addIssue({
        code: 'custom',
        path: ['links'],
        message: `trade link ${looseLink.id} joins a node not on the canvas`,
      });
    const strayGroup = canvas.groups.find((g) => !keys.has(g.party));
    if (strayGroup)
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: `group ${strayGroup.id} belongs to a node not on the canvas`,
      });
    const edgeIds = new Set(canvas.edges.map((e) => e.id));
    const strayPath = canvas.paths.findIndex(
      (p) => p.nodes.some((key) => !keys.has(key)) || p.edges.some((id) => !edgeIds.has(id)),
    );
    if (strayPath >= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['paths', strayPath],
        message: `path ${strayPath + 1} goes through a node or edge not on the canvas`,
      });
    if (canvas.activePath >= canvas.paths.length)
      ctx.addIssue({
        code: 'custom',
        path: ['activePath'],
        message: `path ${canvas.activePath + 1} shown, but ${canvas.paths.length} saved`,
      });
    if (canvas.indicator !== null && canvas.ring === null)
      ctx.addIssue({
        code: 'custom',
        path: ['indicator'],
        message: 'an indicator highlighted with no ring open',
      });
    const loose = canvas.edges.find((e) => !keys.has(e.source) || !keys.has(e.target));
    if (loose)
      ctx.addIssue({
        code: 'custom',
        path: ['edges'],
        message: `edge ${loose.id} joins a node not on the canvas`,
      });
  });
export type CanvasState = z.infer<typeof CanvasState>;

/** `write`: the owner (and admins) may change or delete it; `read`: it was shared with you. */
export const InvestigationAccess = z.enum(['read', 'write']);

export const InvestigationSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  sharedWith: z.array(z.string()),
  nodeCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  access: InvestigationAccess,
});
export type InvestigationSummary = z.infer<typeof InvestigationSummary>;
export const InvestigationsAnswer = z.strictObject({ investigations: z.array(InvestigationSummary) });

export const Investigation = InvestigationSummary.extend({ canvas: CanvasState });
export type Investigation = z.infer<typeof Investigation>;
export const InvestigationAnswer = z.strictObject({ investigation: Investigation });

/** Saving one: its name, its canvas, and who else may open it (read-only). */
export const SavedInvestigation = z.strictObject({
  name: InvestigationName,
  canvas: CanvasState,
  sharedWith: z.array(Username).max(50).default([]),
});
export type SavedInvestigation = z.infer<typeof SavedInvestigation>;

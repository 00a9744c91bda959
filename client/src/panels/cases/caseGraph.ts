// A case drawn as a graph: its entities, the links among them that its rings' evidence holds, and
// each evidence line joined to its parties. Pure, tested in tests/client/case-graph.test.ts.
import type { ApiEdge, ApiNode, CaseDetail, SeriesPoint } from '../../api/schemas.ts';

interface Drawn {
  nodes: ApiNode[];
  edges: ApiEdge[];
}

/** The node key of an evidence line (`declarationId/line`), a Shipment node. */
export const lineKey = (declarationLine: string): string => `Shipment:${declarationLine}`;

/**
 * `rings` are the case's rings as drawn (their nodes and evidence edges); `lines` the one-hop
 * neighbourhoods of its evidence lines. Ring edges are kept only between the case's entities;
 * a line's edges only to the line itself. Order is stable: entities first, then lines.
 */
export function caseGraph(detail: CaseDetail, rings: Drawn[], lines: Drawn[]): Drawn {
  const nodes = new Map<string, ApiNode>(detail.entities.map((n) => [n.key, n]));
  const edges = new Map<string, ApiEdge>();
  for (const ring of rings) {
    for (const edge of ring.edges) {
      if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
    }
  }
  const evidence = new Set(detail.evidence.flatMap((e) => e.declarationIds.map(lineKey)));
  for (const line of lines) {
    for (const node of line.nodes) if (!nodes.has(node.key)) nodes.set(node.key, node);
    for (const edge of line.edges) {
      if (evidence.has(edge.source) || evidence.has(edge.target)) edges.set(edge.id, edge);
    }
  }
  const held = (edge: ApiEdge) => nodes.has(edge.source) && nodes.has(edge.target);
  return { nodes: [...nodes.values()], edges: [...edges.values()].filter(held) };
}

/** The case's evidence lines, each once, in the order they were added. */
export function evidenceLines(detail: CaseDetail): string[] {
  return [...new Set(detail.evidence.flatMap((e) => e.declarationIds))];
}

/** The case's own timeline: its evidence lines drawn on the canvas, oldest first. */
export function caseSeries(detail: CaseDetail, drawn: readonly ApiNode[]): SeriesPoint[] {
  const wanted = new Set(evidenceLines(detail).map(lineKey));
  const points: SeriesPoint[] = [];
  for (const node of drawn) {
    if (!wanted.has(node.key)) continue;
    const { declarationId, line, date, customsValue, hsCode, illicit } = node.props;
    if (typeof declarationId !== 'string' || typeof line !== 'number' || typeof date !== 'string') continue;
    points.push({
      shipmentId: node.id,
      declarationId,
      line,
      date,
      customsValue: typeof customsValue === 'number' ? customsValue : 0,
      hsCode: typeof hsCode === 'string' ? hsCode : '',
      illicit: typeof illicit === 'boolean' ? illicit : null,
    });
  }
  return points.sort((a, b) => a.date.localeCompare(b.date) || a.shipmentId.localeCompare(b.shipmentId));
}

// A subgraph as a file Gephi opens: GEXF through graphology's writer, GraphML written here
// (graphology-graphml only parses). Node attributes: label, kind, risk and the node's properties.
import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { ApiEdge, ApiNode } from '../../src/api/graph.ts';

type Primitive = string | number | boolean;

function nodeAttributes(node: ApiNode): Record<string, Primitive> {
  const attributes: Record<string, Primitive> = { label: node.name, kind: node.label, id: node.id };
  if (node.risk !== null) attributes.risk = node.risk;
  for (const [k, v] of Object.entries(node.props)) {
    // Property names are data: keep only XML-name-safe ones, never clobber the fixed attributes.
    if (v !== null && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(k) && !(k in attributes)) attributes[k] = v;
  }
  return attributes;
}

export function toGraphology(nodes: readonly ApiNode[], edges: readonly ApiEdge[]): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const node of nodes) graph.mergeNode(node.key, nodeAttributes(node));
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target) && !graph.hasEdge(edge.id)) {
      graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { type: edge.type, label: edge.type });
    }
  }
  return graph;
}

export function gexf(graph: MultiDirectedGraph): string {
  return writeGexf(graph, { version: '1.3' });
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// Characters XML 1.0 cannot carry at all are dropped rather than escaped.
const xml = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

function keyType(values: Primitive[]): 'string' | 'double' | 'boolean' {
  if (values.every((v) => typeof v === 'number')) return 'double';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

function declareKeys(
  target: 'node' | 'edge',
  items: Record<string, Primitive>[],
): { id: string; name: string; type: string }[] {
  const values = new Map<string, Primitive[]>();
  for (const attrs of items)
    for (const [k, v] of Object.entries(attrs)) (values.get(k) ?? values.set(k, []).get(k))?.push(v);
  return [...values.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, vs], i) => ({ id: `${target[0]}${i}`, name, type: keyType(vs) }));
}

export function graphml(graph: MultiDirectedGraph): string {
  const nodeAttrs = graph.mapNodes((_k, a) => a as Record<string, Primitive>);
  const edgeAttrs = graph.mapEdges((_k, a) => a as Record<string, Primitive>);
  const nodeKeys = declareKeys('node', nodeAttrs);
  const edgeKeys = declareKeys('edge', edgeAttrs);
  const data = (keys: typeof nodeKeys, attrs: Record<string, Primitive>) =>
    keys
      .filter((k) => attrs[k.name] !== undefined)
      .map((k) => `<data key="${k.id}">${xml(String(attrs[k.name]))}</data>`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map(
      (k) => `  <key id="${k.id}" for="node" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`,
    ),
    ...edgeKeys.map(
      (k) => `  <key id="${k.id}" for="edge" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <graph id="ringscope" edgedefault="directed">',
  ];
  graph.forEachNode((key, attrs) => lines.push(`    <node id="${xml(key)}">${data(nodeKeys, attrs)}</node>`));
  graph.forEachEdge((key, attrs, source, target) =>
    lines.push(
      `    <edge id="${xml(key)}" source="${xml(source)}" target="${xml(target)}">${data(edgeKeys, attrs)}</edge>`,
    ),
  );
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

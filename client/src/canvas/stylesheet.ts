// The Cytoscape stylesheet: node look by label and risk, edge look by relationship type, and
// the emphasis classes that deriveClasses() puts on elements.
import type { StylesheetJson } from 'cytoscape';
import type { NodeLabel, RelType } from '../../../src/api/index.ts';

type Shape =
  | 'ellipse'
  | 'round-rectangle'
  | 'diamond'
  | 'hexagon'
  | 'triangle'
  | 'tag'
  | 'round-tag'
  | 'barrel'
  | 'star'
  | 'vee';

export const LABEL_LOOK: Record<NodeLabel, { color: string; shape: Shape }> = {
  Importer: { color: '#1f6feb', shape: 'ellipse' },
  Consignee: { color: '#0a8a8a', shape: 'ellipse' },
  Broker: { color: '#8250df', shape: 'hexagon' },
  Supplier: { color: '#bf5700', shape: 'ellipse' },
  Person: { color: '#2f7d32', shape: 'round-rectangle' },
  Address: { color: '#6e7781', shape: 'diamond' },
  Phone: { color: '#6e7781', shape: 'tag' },
  Email: { color: '#6e7781', shape: 'round-tag' },
  BankAccount: { color: '#6e7781', shape: 'barrel' },
  Shipment: { color: '#9a6700', shape: 'triangle' },
  Ring: { color: '#cf222e', shape: 'star' },
  Case: { color: '#57606a', shape: 'vee' },
};

export const REL_LOOK: Record<RelType, { color: string; style: 'solid' | 'dashed' | 'dotted' }> = {
  IMPORTED_BY: { color: '#8c959f', style: 'solid' },
  DECLARED_BY: { color: '#a475f9', style: 'solid' },
  CONSIGNED_TO: { color: '#3bb3b3', style: 'solid' },
  SUPPLIED_BY: { color: '#e3892f', style: 'solid' },
  HAS_ADDRESS: { color: '#6e7781', style: 'dashed' },
  HAS_PHONE: { color: '#6e7781', style: 'dashed' },
  HAS_EMAIL: { color: '#6e7781', style: 'dashed' },
  HAS_ACCOUNT: { color: '#6e7781', style: 'dashed' },
  DIRECTS: { color: '#2f7d32', style: 'solid' },
  SUCCEEDS: { color: '#cf222e', style: 'dotted' },
  HAS_MEMBER: { color: '#cf222e', style: 'dotted' },
  CONCERNS: { color: '#57606a', style: 'dotted' },
  POSSIBLY_SAME_AS: { color: '#bf8700', style: 'dotted' },
  SAME_AS: { color: '#bf8700', style: 'solid' },
};

/** The dashed border of a case's entities drawn with "Show on canvas". */
export const CASE_MEMBER_COLOR = '#8250df';

const CASE_MEMBER_RULE = {
  selector: 'node.case-member',
  style: { 'border-style': 'dashed', 'border-width': 4, 'border-color': CASE_MEMBER_COLOR },
};

/** From this many nodes the canvas draws in its large-view style. */
export const LARGE_VIEW = 600;

/**
 * The rules that make a large view cheap to draw: straight edges without arrows, captions only
 * on risky, selected or emphasised nodes, no label backgrounds.
 */
function largeViewRules(): StylesheetJson {
  return [
    {
      selector: 'edge',
      style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', width: 1 },
    },
    { selector: 'node', style: { label: '', 'text-background-opacity': 0 } },
    {
      selector: 'node.risk-high, node:selected, node.path, node.evidence, node.ring-member',
      style: { label: 'data(caption)', 'text-background-opacity': 0.85 },
    },
  ] as StylesheetJson;
}

/** Trade links: one edge per pair of parties, width by value, captioned with lines and value. */
function tradeLinkRules(): StylesheetJson {
  return [
    {
      selector: 'edge[type = "TRADES"]',
      style: {
        width: 'data(width)',
        'line-color': '#57606a',
        'target-arrow-shape': 'none',
        opacity: 0.7,
        label: 'data(caption)',
        'font-size': 9,
        color: '#57606a',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
      },
    },
    { selector: 'edge[type = "TRADES"].opened', style: { 'line-style': 'dashed', opacity: 0.45 } },
    {
      selector: 'edge[type = "GROUPED"]',
      style: { width: 1.5, 'line-color': '#8c959f', 'line-style': 'dashed', 'target-arrow-shape': 'none' },
    },
    {
      selector: 'node[label = "Group"]',
      style: {
        shape: 'round-rectangle',
        'background-color': '#eef1f4',
        'border-width': 2,
        'border-color': '#57606a',
        'border-style': 'dashed',
        width: 44,
        height: 28,
        'font-weight': 'bold',
      },
    },
  ] as StylesheetJson;
}

export function buildStylesheet(options: { large?: boolean } = {}): StylesheetJson {
  const byLabel = Object.entries(LABEL_LOOK).map(([label, look]) => ({
    selector: `node[label = "${label}"]`,
    style: { 'background-color': look.color, shape: look.shape },
  }));
  const byType = Object.entries(REL_LOOK).map(([type, look]) => ({
    selector: `edge[type = "${type}"]`,
    style: { 'line-color': look.color, 'target-arrow-color': look.color, 'line-style': look.style },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(caption)',
        // A precomputed field: mappers are evaluated per element on every style pass.
        width: 'data(size)',
        height: 'data(size)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#1f2328',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        // Labels stay readable: hidden when zoomed far out instead of shrinking to noise.
        'min-zoomed-font-size': 7,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...byLabel,
    // Shipments are most of any neighbourhood: their ids are noise until one is picked out.
    { selector: 'node[label = "Shipment"]', style: { label: '', width: 16, height: 16 } },
    {
      selector:
        'node[label = "Shipment"]:selected, node[label = "Shipment"].path, node[label = "Shipment"].evidence',
      style: { label: 'data(caption)' },
    },
    { selector: 'node.risk-medium', style: { 'border-width': 3, 'border-color': '#d4a72c' } },
    { selector: 'node.risk-high', style: { 'border-width': 4, 'border-color': '#cf222e' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        opacity: 0.85,
      },
    },
    ...byType,
    ...tradeLinkRules(),
    { selector: '.hidden, .filtered', style: { display: 'none' } },
    {
      selector: 'node.pinned',
      style: { 'outline-width': 2, 'outline-color': '#1f2328', 'outline-offset': 2 },
    },
    { selector: 'node.has-more', style: { 'border-style': 'double', 'border-width': 5 } },
    {
      selector: 'node.ring-member',
      style: { 'underlay-color': '#cf222e', 'underlay-opacity': 0.18, 'underlay-padding': 6 },
    },
    CASE_MEMBER_RULE,
    { selector: '.dimmed', style: { opacity: 0.18 } },
    {
      selector: 'node.path, node.evidence',
      style: { 'underlay-color': '#fb8500', 'underlay-opacity': 0.45, 'underlay-padding': 8 },
    },
    {
      selector: 'edge.path, edge.evidence',
      style: { width: 4, 'line-color': '#fb8500', 'target-arrow-color': '#fb8500', opacity: 1 },
    },
    { selector: 'edge.ring', style: { width: 2.5 } },
    {
      selector: 'node:selected',
      style: { 'overlay-color': '#1f6feb', 'overlay-opacity': 0.25, 'overlay-padding': 6 },
    },
    { selector: 'edge:selected', style: { width: 3, 'line-color': '#1f6feb' } },
    ...(options.large ? largeViewRules() : []),
  ] as StylesheetJson;
}

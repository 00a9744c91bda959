// What the exported picture's legend lists: the node kinds and link kinds on the canvas, drawn
// with the same colours, dashes and titles as the explorer's legend (its data, not its markup).
import { RelType, type NodeLabel } from '../../../../src/api/index.ts';
import { LABEL_LOOK, REL_LOOK } from '../../canvas/stylesheet.ts';
import type { ExplorerState } from '../../state/types.ts';
import { RELS } from '../Legend.tsx';

export interface LegendItem {
  kind: 'node' | 'link';
  title: string;
  color: string;
  /** A node's shape on the canvas; a circle when not given. */
  shape?: string;
  /** A node's border colour. */
  stroke?: string;
  /** A link's dash pattern in pixels; none for a solid line. */
  dash?: number[];
  /** A link's line width in pixels. */
  width?: number;
}

const DASH = { solid: undefined, dashed: [5, 3], dotted: [1, 3] } as const;

const nodeTitle = (label: NodeLabel) => (label === 'Shipment' ? 'Declaration line' : label);

/** "CONSIGNED_TO" → "Consigned to", for relationship types the explorer's legend does not name. */
const relTitle = (type: RelType) =>
  RELS.find((r) => r.type === type)?.title ??
  type.charAt(0) + type.slice(1).toLowerCase().replaceAll('_', ' ');

/** The kinds present among the nodes and links not hidden, in the explorer legend's order. */
export function legendItems(state: ExplorerState): LegendItem[] {
  const hidden = new Set(state.hidden);
  const labels = new Set(
    Object.values(state.nodes)
      .filter((n) => !hidden.has(n.key))
      .map((n) => n.label),
  );
  const types = new Set(
    Object.values(state.edges)
      .filter((e) => !hidden.has(e.source) && !hidden.has(e.target))
      .map((e) => e.type),
  );
  const groups = Object.keys(state.groups).length > 0;
  const items: LegendItem[] = (Object.keys(LABEL_LOOK) as NodeLabel[])
    .filter((label) => labels.has(label))
    .map((label) => ({
      kind: 'node',
      title: nodeTitle(label),
      color: LABEL_LOOK[label].color,
      shape: LABEL_LOOK[label].shape,
    }));
  if (groups)
    items.push({ kind: 'node', title: 'More parties (a group)', color: '#eef1f4', stroke: '#57606a' });
  if (Object.keys(state.links).length > 0)
    items.push({ kind: 'link', title: 'Trade link (width: value)', color: '#57606a', width: 4 });
  if (groups) items.push({ kind: 'link', title: 'To a group', color: '#8c959f', dash: [5, 3], width: 2 });
  const order = new Set<RelType>([...RELS.map((r) => r.type), ...RelType.options]);
  for (const type of [...order].filter((t) => types.has(t))) {
    const look = REL_LOOK[type];
    const dash = DASH[look.style];
    items.push({
      kind: 'link',
      title: relTitle(type),
      color: look.color,
      width: 2,
      ...(dash ? { dash: [...dash] } : {}),
    });
  }
  return items;
}

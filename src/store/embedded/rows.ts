// Conversions between the model's nodes and relationships and the embedded store's rows.
import { relId } from '../../model/index.ts';
import type { GraphNode, GraphRel, NodeLabel, NodeRef, Props, RelType } from '../../model/index.ts';

export interface NodeRow {
  label: string;
  id: string;
  props: string;
  source_file: string | null;
  source_row: number | null;
}

export interface RelRow {
  type: string;
  from_label: string;
  from_id: string;
  to_label: string;
  to_id: string;
  props: string;
}

export const NODE_COLUMNS = 'label, id, props, source_file, source_row';
/** Relationships with their ends' labels and ids; append WHERE / ORDER BY on r, f, t. */
export const REL_SELECT = `SELECT r.type, f.label AS from_label, f.id AS from_id, t.label AS to_label, t.id AS to_id, r.props
  FROM rels r CROSS JOIN nodes f ON f.n = r.from_n CROSS JOIN nodes t ON t.n = r.to_n`;

// Labels and types in rows were checked against the closed enums when written.
export function nodeFromRow(row: NodeRow): GraphNode {
  return {
    label: row.label as NodeLabel,
    id: row.id,
    props: JSON.parse(row.props) as Props,
    source: row.source_file === null ? null : { file: row.source_file, row: row.source_row ?? 0 },
  };
}

export function relFromRow(row: RelRow): GraphRel {
  const type = row.type as RelType;
  const from: NodeRef = { label: row.from_label as NodeLabel, id: row.from_id };
  const to: NodeRef = { label: row.to_label as NodeLabel, id: row.to_id };
  return { id: relId(type, from, to), type, from, to, props: JSON.parse(row.props) as Props };
}

/**
 * Props as stored: null means "unknown", which is the same as absent (as in Neo4j, where
 * setting a property to null removes it), so nulls are left out. This is also what makes an
 * upsert keep a known value when a later source does not know it.
 */
export function propsJson(props: Props): string {
  let hasNull = false;
  let empty = true;
  for (const key in props) {
    empty = false;
    if (props[key] === null) {
      hasNull = true;
      break;
    }
  }
  if (empty) return '{}';
  if (!hasNull) return JSON.stringify(props);
  const known: Props = {};
  for (const [key, value] of Object.entries(props)) if (value !== null) known[key] = value;
  return JSON.stringify(known);
}

/** Refs as one JSON parameter, for `json_each` joins instead of building SQL per call. */
export function refsParam(refs: readonly NodeRef[]): string {
  return JSON.stringify(refs.map((r) => [r.label, r.id]));
}

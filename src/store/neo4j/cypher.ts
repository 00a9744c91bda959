// The Cypher of the Neo4j adapter: every query is a file in cypher/, read once and cached. A
// few files hold a {{label}} or {{type}} slot, because Cypher takes no label or relationship
// type as a parameter; slots are filled only from the closed enums, escaped by cypherLabel().
import { readFileSync } from 'node:fs';
import { NodeLabel, RelType } from '../../model/index.ts';
import type { NodeLabel as NodeLabelT, RelType as RelTypeT } from '../../model/index.ts';

export const CYPHER_DIR = new URL('../../../cypher/', import.meta.url);

/** Every query file, by name (its path under cypher/ without `.cypher`). */
export const QUERY_NAMES = [
  'schema/node-key',
  'schema/name-key',
  'schema/fulltext-names',
  'schema/fulltext-text',
  'schema/shipment-order',
  'schema/import-key',
  'schema/ring-key',
  'schema/party-risk-key',
  'schema/line-target-key',
  'schema/lead-key',
  'schema/risk-model-key',
  'schema/resolve-link-id',
  'schema/pending-import-key',
  'schema/pending-props-key',
  'schema/pending-rel-props-key',
  'schema/await-indexes',
  'write/create-nodes',
  'write/create-rels',
  'write/merge-nodes',
  'write/merge-rels',
  'write/merge-rels-props',
  'write/missing-nodes',
  'write/label-line',
  'read/nodes-by-key',
  'read/neighbourhood',
  'read/incident',
  'read/rels-among',
  'read/rels-by-ends',
  'read/count-label',
  'read/count-type',
  'read/search',
  'read/search-text',
  'read/party-months',
  'read/trade-links',
  'read/link-lines',
  'read/shipping-routes',
  'stream/nodes',
  'stream/rels',
  'stream/shipments',
  'imports/begin',
  'imports/apply-props',
  'imports/apply-rel-props',
  'imports/record',
  'imports/claim',
  'imports/state',
  'imports/pending',
  'imports/discard-begin',
  'imports/discard-nodes',
  'imports/discard-rels',
  'imports/discard-held',
  'imports/find',
  'imports/list',
  'findings/clear',
  'findings/write-run',
  'findings/write-rings',
  'findings/write-party-risks',
  'findings/write-targets',
  'findings/write-leads',
  'findings/last-run',
  'findings/list-rings',
  'findings/get-ring',
  'findings/rings-of',
  'findings/party-risk',
  'findings/list-party-risks',
  'findings/list-targets',
  'findings/list-leads',
  'models/save',
  'models/current',
  'models/list',
  'resolve/write-candidates',
  'resolve/list',
  'resolve/review',
  'resolve/same-as',
  'admin/wipe-rels',
  'admin/running-transactions',
  'admin/wipe',
  'admin/any-data',
  'gds/available',
  'gds/heap',
  'gds/count',
  'gds/estimate',
  'gds/project',
  'gds/leiden',
  'gds/wcc',
  'gds/drop',
  'gds/list',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export interface Slots {
  label?: NodeLabelT;
  type?: RelTypeT;
}

/** A query ready to run: its file name (for metadata and errors) and its text. */
export interface Query {
  name: QueryName;
  text: string;
}

const LABEL_OR_TYPE = new Set<string>([...NodeLabel.options, ...RelType.options]);

/**
 * A label or relationship type as a Cypher identifier. Only members of the closed enums are
 * accepted; the backtick quoting (with backticks doubled) is a second wall should a value ever
 * get here unchecked.
 */
export function cypherLabel(value: string): string {
  if (!LABEL_OR_TYPE.has(value)) {
    throw new Error(`Not a Ringscope label or relationship type: ${JSON.stringify(value)}`);
  }
  return `\`${value.replaceAll('`', '``')}\``;
}

const files = new Map<QueryName, string>();
const rendered = new Map<string, Query>();

function fileText(name: QueryName): string {
  let text = files.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`${name}.cypher`, CYPHER_DIR), 'utf8');
    files.set(name, text);
  }
  return text;
}

/** The query `name`, with its slots filled; each (name, slots) is rendered once. */
export function query(name: QueryName, slots: Slots = {}): Query {
  const cacheKey = `${name}|${slots.label ?? ''}|${slots.type ?? ''}`;
  let q = rendered.get(cacheKey);
  if (q) return q;
  let text = fileText(name);
  for (const slot of ['label', 'type'] as const) {
    const marker = `{{${slot}}}`;
    const value = slots[slot];
    if (text.includes(marker) !== (value !== undefined)) {
      throw new Error(
        `cypher/${name}.cypher: slot ${marker} ${value === undefined ? 'needs a value' : 'is not in the file'}`,
      );
    }
    if (value !== undefined) text = text.replaceAll(marker, cypherLabel(value));
  }
  q = { name, text };
  rendered.set(cacheKey, q);
  return q;
}

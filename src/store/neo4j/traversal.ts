// The Neo4j side of neighbourhood and path queries: the four lookups the shared traversal
// (../traversal.ts) needs, each one indexed query over a batch of nodes, so both stores return
// the very same subgraphs and paths.
import { nodeKey, parseNodeKey, relId } from '../../model/index.ts';
import type { GraphNode, GraphRel, NodeRef, RelType } from '../../model/index.ts';
import { TRAVERSED_TYPES } from '../traversal.ts';
import type { Incidence, TraversalSource } from '../traversal.ts';
import { query } from './cypher.ts';
import { decodeNode, decodeRel } from './encode.ts';
import type { CypherExecutor } from './executor.ts';
import type { Node as Neo4jNode, Record as Neo4jRecord } from 'neo4j-driver';

const TYPES = [...TRAVERSED_TYPES];

function relFromRecord(record: Neo4jRecord): GraphRel {
  return decodeRel(
    String(record.get('from')),
    record.get('type') as RelType,
    String(record.get('to')),
    record.get('props') as Record<string, unknown>,
  );
}

export async function selectNodes(executor: CypherExecutor, refs: readonly NodeRef[]): Promise<GraphNode[]> {
  if (refs.length === 0) return [];
  const records = await executor.read(query('read/nodes-by-key'), { keys: refs.map(nodeKey) });
  return records.map((r) => decodeNode(r.get('n') as Neo4jNode));
}

export function neo4jTraversal(executor: CypherExecutor): TraversalSource {
  return {
    getNodes: (refs) => selectNodes(executor, refs),
    incident: async (refs) => {
      const byNode = new Map<string, Incidence[]>();
      if (refs.length === 0) return byNode;
      const records = await executor.read(query('read/incident'), { keys: refs.map(nodeKey), types: TYPES });
      for (const record of records) {
        const at = String(record.get('key'));
        const atRef = parseNodeKey(at);
        const other = parseNodeKey(String(record.get('otherKey')));
        const type = record.get('type') as RelType;
        const [from, to] = record.get('outgoing') === true ? [atRef, other] : [other, atRef];
        let list = byNode.get(at);
        if (!list) byNode.set(at, (list = []));
        list.push({ relId: relId(type, from, to), type, from, to, other });
      }
      return byNode;
    },
    relsAmong: async (refs) => {
      if (refs.length === 0) return [];
      const keys = refs.map(nodeKey);
      const keySet = Object.fromEntries(keys.map((k) => [k, true]));
      const records = await executor.read(query('read/rels-among'), { keys, keySet, types: TYPES });
      return records.map(relFromRecord);
    },
    getRels: async (rels) => {
      if (rels.length === 0) return [];
      const rows = rels.map((r) => ({ type: r.type, from: nodeKey(r.from), to: nodeKey(r.to) }));
      return (await executor.read(query('read/rels-by-ends'), { rows })).map(relFromRecord);
    },
  };
}

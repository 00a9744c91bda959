// Streamed projection for graph algorithms, in the orders the port pins: nodes by label then
// id, relationships by type then the store's own stable order, declaration lines by date,
// declaration id and line. Nodes and relationships come through one pulled result each (the
// driver fetches in batches); declaration lines come in key-set pages so no sort holds them all.
import neo4j from 'neo4j-driver';
import type { Node as Neo4jNode } from 'neo4j-driver';
import { isResolutionRelType } from '../../model/index.ts';
import type { GraphNode, GraphRel, NodeLabel, RelType, ShipmentRecord } from '../../model/index.ts';
import { compareStrings } from '../traversal.ts';
import { query } from './cypher.ts';
import { decodeNode, decodeRel } from './encode.ts';
import type { CypherExecutor } from './executor.ts';

const SHIPMENT_PAGE = 2_000;

export async function* streamNodes(
  executor: CypherExecutor,
  labels: readonly NodeLabel[],
): AsyncGenerator<GraphNode> {
  for (const label of [...new Set(labels)].sort(compareStrings)) {
    for await (const record of executor.stream(query('stream/nodes'), { prefix: `${label}:` })) {
      yield decodeNode(record.get('n') as Neo4jNode);
    }
  }
}

export async function* streamRels(
  executor: CypherExecutor,
  types: readonly RelType[],
): AsyncGenerator<GraphRel> {
  // Resolution links are not streamed (the embedded store keeps them apart from its relationships).
  const network = types.filter((t) => !isResolutionRelType(t));
  for (const type of [...new Set(network)].sort(compareStrings)) {
    for await (const record of executor.stream(query('stream/rels', { type }))) {
      yield decodeRel(
        String(record.get('from')),
        type,
        String(record.get('to')),
        record.get('props') as Record<string, unknown>,
      );
    }
  }
}

type ShipmentProps = Omit<ShipmentRecord, 'importerId' | 'brokerId' | 'consigneeId' | 'supplierId'>;

export async function* streamShipments(executor: CypherExecutor): AsyncGenerator<ShipmentRecord> {
  // Before every real line: dates are YYYY-MM-DD and ids non-empty.
  let after = { date: '', declarationId: '', line: neo4j.int(0), id: '' };
  for (;;) {
    const records = await executor.read(query('stream/shipments'), {
      ...after,
      limit: neo4j.int(SHIPMENT_PAGE),
    });
    for (const record of records) {
      const node = decodeNode(record.get('s') as Neo4jNode);
      // Shipment props were validated by the ingest against ShipmentProps before they were stored.
      const props = node.props as unknown as ShipmentProps;
      yield {
        ...props,
        importerId: (record.get('importerId') as string | null) ?? '',
        brokerId: record.get('brokerId') as string | null,
        consigneeId: record.get('consigneeId') as string | null,
        supplierId: record.get('supplierId') as string | null,
      };
      after = {
        date: props.date,
        declarationId: props.declarationId,
        line: neo4j.int(props.line),
        id: node.id,
      };
    }
    if (records.length < SHIPMENT_PAGE) return;
  }
}

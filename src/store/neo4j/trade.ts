// The Neo4j store's aggregates over declaration lines (../trade.ts), each one Cypher aggregation
// over every line of the party (cypher/read/party-months, trade-links, link-lines).
import neo4j from 'neo4j-driver';
import { nodeKey, SHIPMENT_REL, type NodeRef } from '../../model/index.ts';
import {
  isBusinessLabel,
  linkEnds,
  linkLabelsOf,
  toCents,
  type LinkLine,
  type LinkLinesQuery,
  type PartyMonth,
  type TradeLink,
} from '../trade.ts';
import { query } from './cypher.ts';
import { decodeNodeProperties } from './encode.ts';
import type { CypherExecutor } from './executor.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function partyMonths(executor: CypherExecutor, party: NodeRef): Promise<PartyMonth[]> {
  if (!isBusinessLabel(party.label)) return [];
  const records = await executor.read(query('read/party-months'), {
    key: nodeKey(party),
    type: SHIPMENT_REL[party.label],
  });
  return records.map((r) => ({
    month: text(r.get('month')),
    lines: Number(r.get('lines')),
    value: toCents(Number(r.get('value') ?? 0)),
    first: text(r.get('first')),
    last: text(r.get('last')),
  }));
}

export async function tradeLinks(executor: CypherExecutor, party: NodeRef): Promise<TradeLink[]> {
  const { label } = party;
  if (!isBusinessLabel(label)) return [];
  const links: TradeLink[] = [];
  for (const other of linkLabelsOf(label)) {
    const records = await executor.read(query('read/trade-links'), {
      key: nodeKey(party),
      type: SHIPMENT_REL[label],
      otherType: SHIPMENT_REL[other],
      otherLabel: other,
    });
    for (const r of records) {
      links.push({
        party: { label: other, id: text(r.get('id')) },
        lines: Number(r.get('lines')),
        value: toCents(Number(r.get('value') ?? 0)),
        first: text(r.get('first')),
        last: text(r.get('last')),
      });
    }
  }
  return links;
}

export async function linkLines(executor: CypherExecutor, q: LinkLinesQuery): Promise<LinkLine[]> {
  const ends = linkEnds(q.from, q.to);
  if (!ends) return [];
  const records = await executor.read(query('read/link-lines'), {
    importerKey: nodeKey(ends.importer),
    otherKey: nodeKey(ends.other),
    otherType: SHIPMENT_REL[ends.other.label],
    afterDate: q.after?.date ?? '',
    afterId: q.after?.shipmentId ?? '',
    limit: neo4j.int(q.limit),
  });
  return records.map((r) => {
    const line = decodeNodeProperties(r.get('line') as Record<string, unknown>);
    const value = line.props.customsValue;
    return {
      shipmentId: line.id,
      date: text(line.props.date),
      customsValue: typeof value === 'number' ? value : null,
    };
  });
}

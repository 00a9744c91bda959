// The Neo4j store's route map aggregate (../shipping-routes.ts): one Cypher aggregation over every
// line of the parties (cypher/read/shipping-routes).
import { nodeKey, type NodeRef } from '../../model/index.ts';
import { byRouteWeight, partiesWithLines, type ShippingRoute } from '../shipping-routes.ts';
import { toCents } from '../trade.ts';
import { query } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export async function shippingRoutes(
  executor: CypherExecutor,
  parties: readonly NodeRef[],
): Promise<ShippingRoute[]> {
  const wanted = partiesWithLines(parties).map(({ ref, type }) => ({ key: nodeKey(ref), type }));
  if (wanted.length === 0) return [];
  const records = await executor.read(query('read/shipping-routes'), { parties: wanted });
  return records
    .map((r) => ({
      origin: textOrNull(r.get('origin')),
      departure: textOrNull(r.get('departure')),
      office: textOrNull(r.get('office')),
      lines: Number(r.get('lines')),
      value: toCents(Number(r.get('value') ?? 0)),
      first: textOrNull(r.get('first')) ?? '',
      last: textOrNull(r.get('last')) ?? '',
    }))
    .sort(byRouteWeight);
}

// Inspection results written onto stored declaration lines (the port's labelLine), through the
// executor with cypher/write/label-line.
import { nodeKey, shipmentId } from '../../model/index.ts';
import type { InspectionLabel, LineRef } from '../graph-store.ts';
import { query } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';

export async function labelLine(
  executor: CypherExecutor,
  line: LineRef,
  result: InspectionLabel,
): Promise<boolean> {
  const [record] = await executor.write(query('write/label-line'), {
    key: nodeKey({ label: 'Shipment', id: shipmentId(line.declarationId, line.line) }),
    illicit: result.illicit,
    // A float parameter even for a whole amount: the embedded store and the import keep a number.
    revenueRecovered: result.revenueRecovered ?? (result.illicit ? null : 0),
  });
  return Number(record?.get('labelled') ?? 0) > 0;
}

// `ringscope --db PATH train` without a file: the labelled history is the store's own declaration
// lines with the inspection results stored on them, read in the store's order (date, declaration,
// line). The training data's hash is over the lines as read, so a model names what it learnt from.
import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { canonicalRowOfShipment, riskLineOf } from '../../risk/canonical-line.ts';
import type { RiskLine } from '../../risk/features.ts';
import type { RiskInput } from './risk-input.ts';
import { globalOptions, withStore } from './store-options.ts';

export async function readStoredLines(command: Command): Promise<RiskInput> {
  const globals = globalOptions(command);
  const hash = createHash('sha256');
  const lines: RiskLine[] = [];
  await withStore(globals, async (store) => {
    for await (const shipment of store.streamShipments()) {
      hash.update(`${JSON.stringify(shipment)}\n`);
      lines.push(riskLineOf(canonicalRowOfShipment(shipment), shipment.line, {}));
    }
  });
  const where = globals.neo4j ? `neo4j:${globals.neo4j}` : `store:${globals.db}`;
  return {
    lines,
    files: [{ path: where, sha256: hash.digest('hex') }],
    attributes: [],
    numericAttributes: [],
  };
}

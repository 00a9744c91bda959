// `ringscope eval --truth truth.json --risk declarations.csv`: the learned line-risk model against
// the store's hand-set line targeting on a generated world (the world's declarations file, the
// store it was ingested into and detected on). The model learns from the older lines'
// inspection results and every ranking is measured on the newest lines against the truth.
import type { Command } from 'commander';
import { InputError } from '../../ingest/errors.ts';
import type { Truth } from '../../eval/truth.ts';
import { evaluateWorldRisk, type WorldRiskOptions, type WorldRiskReport } from '../../eval/world-risk.ts';
import { readNetwork, withNetwork } from '../../risk/network.ts';
import { readDeclarationLines } from './risk-input.ts';
import { globalOptions, withStore } from './store-options.ts';

/** Everything the world's risk evaluation reads, measured. */
export async function evalRisk(
  command: Command,
  truth: Truth,
  declarations: string,
  options: Partial<WorldRiskOptions>,
): Promise<WorldRiskReport> {
  const input = await readDeclarationLines(declarations, {});
  const { index, targets } = await withStore(globalOptions(command), async (store) => {
    const index = await readNetwork(store);
    if (index === null)
      throw new InputError(
        'eval --risk: no detection run in this store: run `ringscope detect` first (its line targets are the hand-set targeting compared)',
        [],
      );
    const total = (await store.counts()).nodes.Shipment ?? 0;
    return { index, targets: await store.listTargets({ limit: total }) };
  });
  const illicit = new Map(
    truth.rings.flatMap((r) => r.illicitLines.map((l) => [l.id, l.revenueAtRisk] as const)),
  );
  return evaluateWorldRisk(
    withNetwork(input.lines, index),
    illicit,
    targets.map((t) => `${t.declarationId}/${t.line}`),
    index.runId,
    options,
  );
}

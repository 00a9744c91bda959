// Risk models on Neo4j: one `:RiskModel` node per version, its JSON in `body` and its metrics as
// JSON text (a label outside the domain enum: never in the graph, its counts or traversals).
import {
  parseRiskModelSave,
  type RiskModelRecord,
  type RiskModelSave,
  type RiskModelVersion,
} from '../risk-models.ts';
import { query } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';

export async function saveRiskModel(executor: CypherExecutor, input: RiskModelSave): Promise<void> {
  const m = parseRiskModelSave(input);
  await executor.write(query('models/save'), {
    contentHash: m.contentHash,
    createdAt: m.createdAt,
    savedAt: m.savedAt,
    metrics: JSON.stringify(m.metrics),
    body: m.json,
  });
}

export async function currentRiskModel(executor: CypherExecutor): Promise<RiskModelRecord | null> {
  const [record] = await executor.read(query('models/current'));
  if (!record) return null;
  return {
    contentHash: String(record.get('contentHash')),
    createdAt: String(record.get('createdAt')),
    metrics: JSON.parse(String(record.get('metrics'))) as Record<string, unknown>,
    json: String(record.get('body')),
  };
}

export async function listRiskModels(executor: CypherExecutor): Promise<RiskModelVersion[]> {
  const records = await executor.read(query('models/list'));
  return records.map((r) => ({
    contentHash: String(r.get('contentHash')),
    createdAt: String(r.get('createdAt')),
    savedAt: String(r.get('savedAt')),
    metrics: JSON.parse(String(r.get('metrics'))) as Record<string, unknown>,
    current: r.get('current') === true,
  }));
}

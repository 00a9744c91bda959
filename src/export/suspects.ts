// The ranked suspect list from the last detection run, as `ringscope export suspects` and
// `GET /api/exports/suspects` both deliver it: JSON, or formula-safe CSV.
import { SUSPECT_CSV_HEADER, suspectCsvRows, suspectsJson, type SuspectsJson } from './contract.ts';
import { toSafeCsv } from './csv-safe.ts';
import { nodeKey } from '../model/index.ts';
import type { GraphStore } from '../store/graph-store.ts';

export async function suspects(
  store: Pick<GraphStore, 'lastRun' | 'listPartyRisks' | 'getNodes'>,
  minScore: number,
): Promise<SuspectsJson> {
  if ((await store.lastRun()) === null)
    throw new Error('no detection run in this store: run `ringscope detect` first');
  const parties = await store.listPartyRisks({ minScore });
  const nodes = await store.getNodes(parties.map((p) => ({ label: p.label, id: p.id })));
  const names = new Map(
    nodes.map((n) => [nodeKey(n), typeof n.props.name === 'string' ? n.props.name : null]),
  );
  return suspectsJson(parties, names);
}

export function renderSuspects(doc: SuspectsJson, format: 'csv' | 'json'): string {
  return format === 'csv'
    ? toSafeCsv(SUSPECT_CSV_HEADER, suspectCsvRows(doc))
    : `${JSON.stringify(doc, null, 2)}\n`;
}

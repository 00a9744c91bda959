// The ranked suspect list from the last detection run, as `ringscope export suspects` and
// `GET /api/exports/suspects` both deliver it: JSON, or formula-safe CSV. The parties of rings
// come first; parties only a lead names (guilt by association, centrality) follow, marked leads.
import { SUSPECT_CSV_HEADER, suspectCsvRows, suspectsJson, type SuspectsJson } from './contract.ts';
import { toSafeCsv } from './csv-safe.ts';
import { nodeKey, type Lead } from '../model/index.ts';
import type { GraphStore } from '../store/graph-store.ts';

export async function suspects(
  store: Pick<GraphStore, 'lastRun' | 'listPartyRisks' | 'getNodes' | 'listLeads'>,
  minScore: number,
): Promise<SuspectsJson> {
  if ((await store.lastRun()) === null)
    throw new Error('no detection run in this store: run `ringscope detect` first');
  const parties = await store.listPartyRisks({ minScore });
  const leads = await allLeads(store, minScore);
  const refs = [...parties, ...leads].map((p) => ({ label: p.label, id: p.id }));
  const nodes = await store.getNodes(refs);
  const names = new Map(
    nodes.map((n) => [nodeKey(n), typeof n.props.name === 'string' ? n.props.name : null]),
  );
  return suspectsJson(parties, names, leads);
}

const LEAD_PAGE = 500;

/** Every lead of the run with at least `minScore`, best first. */
async function allLeads(store: Pick<GraphStore, 'listLeads'>, minScore: number): Promise<Lead[]> {
  const leads: Lead[] = [];
  for (let offset = 0; ; offset += LEAD_PAGE) {
    const page = await store.listLeads({ minScore, limit: LEAD_PAGE, offset });
    leads.push(...page.leads);
    if (page.leads.length < LEAD_PAGE) return leads;
  }
}

export function renderSuspects(doc: SuspectsJson, format: 'csv' | 'json'): string {
  return format === 'csv'
    ? toSafeCsv(SUSPECT_CSV_HEADER, suspectCsvRows(doc))
    : `${JSON.stringify(doc, null, 2)}\n`;
}

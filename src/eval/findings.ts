// Reads the last detection run's findings out of a store: every ring with its members and the
// line targets in rank order, as many as the evaluation needs.
import type { GraphStore } from '../store/graph-store.ts';
import { shipmentId } from '../model/index.ts';
import type { Findings } from './report.ts';

const PAGE = 500;

export async function readFindings(
  store: Pick<GraphStore, 'lastRun' | 'listRings' | 'getRing' | 'listTargets'>,
  targetLimit: number,
): Promise<Findings> {
  const run = await store.lastRun();
  const rings: Findings['rings'] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listRings({ limit: PAGE, offset });
    for (const summary of page.rings) {
      const ring = await store.getRing(summary.id);
      if (ring) rings.push({ id: ring.id, typology: ring.typology, members: ring.members });
    }
    if (page.rings.length < PAGE || offset + PAGE >= page.total) break;
  }
  const targets = await store.listTargets({ limit: targetLimit });
  return {
    runId: run?.runId ?? null,
    rings,
    rankedLines: targets.map((t) => shipmentId(t.declarationId, t.line)),
  };
}

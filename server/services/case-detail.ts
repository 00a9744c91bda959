// A case as the API shows it: header, pinned entities as API nodes, rings as summaries (a ring a
// later detection run no longer has is listed as missing), notes, evidence and timeline.
import { parseNodeKey, type NodeRef, type RingSummary } from '../../src/model/index.ts';
import type { User } from '../auth/users.ts';
import type { ApiNode } from '../api-shapes.ts';
import type { Services } from './index.ts';

export async function caseDetail(services: Services, user: User, id: string) {
  const c = services.cases.get(user, id, 'read');
  const refs: NodeRef[] = services.cases.entityKeys(id).map((k) => parseNodeKey(k));
  const ringIds = services.cases.ringIds(id);
  const [nodes, rings] = await Promise.all([
    services.store.getNodes(refs),
    Promise.all(ringIds.map((r) => services.store.getRing(r))),
  ]);
  const entities: ApiNode[] = await services.graph.toApiNodes(nodes);
  const summaries: RingSummary[] = rings.flatMap((r) =>
    r
      ? [
          {
            id: r.id,
            typology: r.typology,
            score: r.score,
            revenueAtRisk: r.revenueAtRisk,
            explanation: r.explanation,
            memberCount: r.members.length,
          },
        ]
      : [],
  );
  return {
    ...c,
    entities,
    rings: summaries,
    missingRings: ringIds.filter((_, i) => rings[i] === null),
    notes: services.cases.notes(id),
    evidence: services.cases.evidence(id),
    timeline: services.cases.timeline(id),
  };
}

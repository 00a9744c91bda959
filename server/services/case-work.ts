// The case use cases, one method each: list, open, view, change, pin and unpin entities, add a
// ring, a note or evidence. Each asks the one access check (case-access.ts: 404 for a case the
// user may not know exists, 403 for one they may only read) once, checks what the request names
// against the graph store, writes, and answers the case as the API shows it.
import type { CaseDetail, CaseSummary, NewCase, NewEvidence } from '../../src/api/cases.ts';
import type { RingSummary } from '../../src/api/graph.ts';
import { nodeKey, parseNodeKey, type NodeRef, type Ring } from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import type { User, Users } from '../auth/users.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { CASE_WRITERS } from '../policies.ts';
import { caseAccess, requireCaseAccess } from './case-access.ts';
import type { CaseChange, CaseRow, Cases } from './cases.ts';
import { parseKey, type GraphView } from './graph-view.ts';

export type { NewCase, NewEvidence };

const ringSummary = (r: Ring): RingSummary => ({
  id: r.id,
  typology: r.typology,
  score: r.score,
  revenueAtRisk: r.revenueAtRisk,
  priority: r.priority,
  explanation: r.explanation,
  memberCount: r.members.length,
});

export class CaseWork {
  constructor(
    private readonly cases: Cases,
    private readonly users: Users,
    private readonly store: GraphStore,
    private readonly graph: GraphView,
  ) {}

  /** Cases the user may see, most recently changed first. */
  list(user: User): CaseSummary[] {
    return this.cases
      .list()
      .filter((c) => caseAccess(user, c) !== 'none')
      .map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        visibility: c.visibility,
        owner: c.owner,
        assignee: c.assignee,
        updatedAt: c.updatedAt,
        entityCount: c.entityCount,
      }));
  }

  async open(user: User, input: NewCase): Promise<CaseDetail> {
    this.assigneeMustWrite(input.assignee);
    const id = this.cases.create(user, input);
    return this.view(user, id);
  }

  /** The case with entities, rings, notes, evidence and timeline, if the user may read it. */
  async view(user: User, id: string): Promise<CaseDetail> {
    this.access(user, id, 'read');
    return this.detail(id);
  }

  async change(user: User, id: string, change: CaseChange): Promise<CaseDetail> {
    this.assigneeMustWrite(change.assignee);
    this.access(user, id, 'write');
    this.cases.update(user, id, change);
    return this.detail(id);
  }

  async pinEntities(user: User, id: string, keys: string[]): Promise<CaseDetail> {
    this.access(user, id, 'write');
    const refs = keys.map(parseKey);
    const found = new Set((await this.store.getNodes(refs)).map(nodeKey));
    const unknown = refs.map(nodeKey).filter((k) => !found.has(k));
    if (unknown.length > 0)
      throw new ApiError(400, 'unknown_nodes', `no such nodes: ${unknown.slice(0, 20).join(', ')}`);
    this.cases.addEntities(user, id, refs.map(nodeKey), 'pinned');
    return this.detail(id);
  }

  async unpinEntity(user: User, id: string, key: string): Promise<CaseDetail> {
    this.access(user, id, 'write');
    if (!this.cases.removeEntity(user, id, key))
      throw new ApiError(404, 'not_found', `${key} is not pinned to case ${id}`);
    return this.detail(id);
  }

  /** Adds the ring and its members. */
  async addRing(user: User, id: string, ringId: string): Promise<CaseDetail> {
    this.access(user, id, 'write');
    const ring = await this.store.getRing(ringId);
    if (!ring) throw new ApiError(400, 'unknown_ring', `no ring ${ringId} in the last detection run`);
    this.cases.addRing(user, id, ring.id, ring.members.map(nodeKey));
    return this.detail(id);
  }

  async addNote(user: User, id: string, text: string): Promise<CaseDetail> {
    this.access(user, id, 'write');
    this.cases.addNote(user, id, text);
    return this.detail(id);
  }

  async addEvidence(user: User, id: string, evidence: NewEvidence): Promise<CaseDetail> {
    this.access(user, id, 'write');
    await this.declarationsMustExist(evidence.declarationIds);
    if (evidence.ringId && !(await this.store.getRing(evidence.ringId)))
      throw new ApiError(400, 'unknown_ring', `no ring ${evidence.ringId}`);
    this.cases.addEvidence(user, id, evidence);
    return this.detail(id);
  }

  /** The rings pinned to a case that the last detection run still has. */
  async rings(id: string): Promise<Ring[]> {
    const rings = await Promise.all(this.cases.ringIds(id).map((r) => this.store.getRing(r)));
    return rings.filter((r): r is Ring => r !== null);
  }

  private access(user: User, id: string, needed: 'read' | 'write'): CaseRow {
    return requireCaseAccess(user, this.cases.find(id), needed, id);
  }

  private assigneeMustWrite(username: string | null | undefined): void {
    if (username === null || username === undefined) return;
    const assignee = this.users.get(username);
    if (!assignee || assignee.disabled || !(CASE_WRITERS as readonly string[]).includes(assignee.role)) {
      throw new ApiError(
        400,
        'invalid_request',
        `assignee ${username} is not an active case officer or admin`,
      );
    }
  }

  private async declarationsMustExist(declarationIds: string[]): Promise<void> {
    const refs = declarationIds.map((d) => ({ label: 'Shipment' as const, id: d }));
    const found = new Set((await this.store.getNodes(refs)).map((n) => n.id));
    const unknown = declarationIds.filter((d) => !found.has(d));
    if (unknown.length > 0)
      throw new ApiError(
        400,
        'unknown_declarations',
        `no such declaration lines: ${unknown.slice(0, 20).join(', ')}`,
      );
  }

  /** A ring a later detection run no longer has is listed as missing. */
  private async detail(id: string): Promise<CaseDetail> {
    const c = this.cases.find(id);
    if (!c) throw notFound(`case ${id}`);
    const refs: NodeRef[] = this.cases.entityKeys(id).map((k) => parseNodeKey(k));
    const ringIds = this.cases.ringIds(id);
    const [nodes, rings] = await Promise.all([
      this.store.getNodes(refs),
      Promise.all(ringIds.map((r) => this.store.getRing(r))),
    ]);
    return {
      ...c,
      entities: await this.graph.toApiNodes(nodes),
      rings: rings.flatMap((r) => (r ? [ringSummary(r)] : [])),
      missingRings: ringIds.filter((_, i) => rings[i] === null),
      notes: this.cases.notes(id),
      evidence: this.cases.evidence(id),
      timeline: this.cases.timeline(id),
    };
  }
}

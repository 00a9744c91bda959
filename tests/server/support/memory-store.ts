// An in-memory GraphStore for the server tests while the embedded store is being built: the
// same port, simple breadth-first traversals, no persistence.
/* eslint-disable @typescript-eslint/require-await -- the port is async; this double has nothing to await */
import { nodeKey, type DetectionRun, type GraphNode, type GraphPath, type GraphRel, type NodeRef, type Subgraph } from '../../../src/model/index.ts';
import type { GraphStore, ImportRecord, NeighbourhoodQuery, PathQuery, RingQuery, SearchHit } from '../../../src/store/graph-store.ts';

export class MemoryStore implements GraphStore {
  readonly kind = 'embedded' as const;
  nodes = new Map<string, GraphNode>();
  rels = new Map<string, GraphRel>();
  imports: ImportRecord[] = [];
  run: DetectionRun | null = null;
  /** Set to make every call fail as an unreachable database would. */
  failWith: Error | null = null;

  private check(): void {
    if (this.failWith) throw this.failWith;
  }

  async init() {}
  async close() {}
  async findImport(fileHash: string) {
    return this.imports.find((i) => i.fileHash === fileHash) ?? null;
  }
  async listImports() {
    return this.imports;
  }
  async beginImport(file: { fileHash: string; fileName: string; rows: number }) {
    const pending: { nodes: GraphNode[]; rels: GraphRel[] } = { nodes: [], rels: [] };
    return {
      write: async (batch: { nodes: GraphNode[]; rels: GraphRel[] }) => {
        pending.nodes.push(...batch.nodes);
        pending.rels.push(...batch.rels);
      },
      commit: async () => {
        for (const n of pending.nodes) {
          const old = this.nodes.get(nodeKey(n));
          this.nodes.set(nodeKey(n), { ...n, props: { ...old?.props, ...n.props }, source: old?.source ?? n.source });
        }
        for (const r of pending.rels) this.rels.set(r.id, r);
        const record = { ...file, importedAt: new Date().toISOString() };
        this.imports.push(record);
        return record;
      },
      abort: async () => {},
    };
  }

  async getNode(ref: NodeRef) {
    this.check();
    return this.nodes.get(nodeKey(ref)) ?? null;
  }
  async getNodes(refs: NodeRef[]) {
    this.check();
    return refs.map((r) => this.nodes.get(nodeKey(r))).filter((n): n is GraphNode => n !== undefined);
  }

  private adjacent(key: string): { rel: GraphRel; other: string }[] {
    const out: { rel: GraphRel; other: string }[] = [];
    for (const rel of this.rels.values()) {
      if (nodeKey(rel.from) === key) out.push({ rel, other: nodeKey(rel.to) });
      else if (nodeKey(rel.to) === key) out.push({ rel, other: nodeKey(rel.from) });
    }
    return out.sort((a, b) => a.rel.id.localeCompare(b.rel.id));
  }

  private admits(node: GraphNode, q: NeighbourhoodQuery): boolean {
    if (q.labels && !q.labels.includes(node.label)) return false;
    if (node.label === 'Shipment') {
      const date = String(node.props.date ?? '');
      if (q.dateFrom && date < q.dateFrom) return false;
      if (q.dateTo && date > q.dateTo) return false;
      if (q.hsPrefix && !String(node.props.hsCode ?? '').startsWith(q.hsPrefix)) return false;
    }
    return true;
  }

  async neighbourhood(q: NeighbourhoodQuery): Promise<Subgraph> {
    this.check();
    const startKey = nodeKey(q.start);
    const start = this.nodes.get(startKey);
    if (!start) return { nodes: [], rels: [], truncated: false };
    const kept = new Map([[startKey, start]]);
    let frontier = [startKey];
    let truncated = false;
    for (let hop = 0; hop < q.hops; hop++) {
      const next: string[] = [];
      for (const key of frontier) {
        for (const { other } of this.adjacent(key)) {
          const node = this.nodes.get(other);
          if (!node || kept.has(other) || !this.admits(node, q)) continue;
          if (kept.size >= q.limit) {
            truncated = true;
            continue;
          }
          kept.set(other, node);
          next.push(other);
        }
      }
      frontier = next;
    }
    const rels = [...this.rels.values()].filter((r) => kept.has(nodeKey(r.from)) && kept.has(nodeKey(r.to)));
    return { nodes: [...kept.values()], rels, truncated };
  }

  async paths(q: PathQuery): Promise<GraphPath[]> {
    this.check();
    const target = nodeKey(q.to);
    const found: string[][] = [];
    const relsOf: GraphRel[][] = [];
    const queue: { keys: string[]; rels: GraphRel[] }[] = [{ keys: [nodeKey(q.from)], rels: [] }];
    while (queue.length > 0 && found.length < q.k) {
      const path = queue.shift() as { keys: string[]; rels: GraphRel[] };
      const last = path.keys.at(-1) as string;
      if (last === target) {
        found.push(path.keys);
        relsOf.push(path.rels);
        continue;
      }
      if (path.rels.length >= q.maxLength) continue;
      for (const { rel, other } of this.adjacent(last)) {
        const node = this.nodes.get(other);
        if (!node || path.keys.includes(other) || (q.excludeLabels?.includes(node.label) && other !== target)) continue;
        queue.push({ keys: [...path.keys, other], rels: [...path.rels, rel] });
      }
    }
    return found.map((keys, i) => ({ nodes: keys.map((k) => this.nodes.get(k) as GraphNode), rels: relsOf[i] ?? [] }));
  }

  async search(text: string, options: { limit: number; labels?: string[] }): Promise<SearchHit[]> {
    this.check();
    const t = text.toLowerCase();
    const hits: SearchHit[] = [];
    for (const node of this.nodes.values()) {
      if (options.labels && !options.labels.includes(node.label)) continue;
      const name = typeof node.props.name === 'string' ? node.props.name.toLowerCase() : '';
      if (node.id.toLowerCase() === t) hits.push({ node, match: 'id' });
      else if (name.startsWith(t)) hits.push({ node, match: 'name' });
      else if (String(node.props.declarationId ?? '').toLowerCase() === t) hits.push({ node, match: 'declaration' });
    }
    return hits.slice(0, options.limit);
  }

  async counts() {
    this.check();
    const nodes: Record<string, number> = {};
    const rels: Record<string, number> = {};
    for (const n of this.nodes.values()) nodes[n.label] = (nodes[n.label] ?? 0) + 1;
    for (const r of this.rels.values()) rels[r.type] = (rels[r.type] ?? 0) + 1;
    return { nodes, rels };
  }

  async *streamNodes(labels: readonly string[]) {
    yield* [...this.nodes.values()].filter((n) => labels.includes(n.label));
  }
  async *streamRels(types: readonly string[]) {
    yield* [...this.rels.values()].filter((r) => types.includes(r.type));
  }
  // eslint-disable-next-line require-yield
  async *streamShipments(): AsyncGenerator<never> {
    return;
  }

  async writeFindings(run: DetectionRun) {
    this.run = run;
  }
  async lastRun() {
    this.check();
    return this.run ? { runId: this.run.runId, startedAt: this.run.startedAt, finishedAt: this.run.finishedAt, seed: this.run.seed } : null;
  }
  async listRings(q: RingQuery) {
    this.check();
    const all = (this.run?.rings ?? [])
      .filter((r) => (!q.typology || r.typology === q.typology) && (q.minScore === undefined || r.score >= q.minScore))
      .sort((a, b) => b.score - a.score);
    const rings = all.slice(q.offset, q.offset + q.limit).map(({ id, typology, score, revenueAtRisk, explanation, members }) => ({
      id,
      typology,
      score,
      revenueAtRisk,
      explanation,
      memberCount: members.length,
    }));
    return { rings, total: all.length };
  }
  async getRing(id: string) {
    this.check();
    return this.run?.rings.find((r) => r.id === id) ?? null;
  }
  async ringsOf(ref: NodeRef) {
    const { rings } = await this.listRings({ limit: 1000, offset: 0 });
    return rings.filter((s) => this.run?.rings.find((r) => r.id === s.id)?.members.some((m) => nodeKey(m) === nodeKey(ref)));
  }
  async partyRisk(ref: NodeRef) {
    this.check();
    return this.run?.parties.find((p) => nodeKey(p) === nodeKey(ref)) ?? null;
  }
  async listPartyRisks(options: { minScore?: number; limit?: number }) {
    const all = [...(this.run?.parties ?? [])].filter((p) => options.minScore === undefined || p.score >= options.minScore).sort((a, b) => b.score - a.score);
    return all.slice(0, options.limit ?? all.length);
  }
  async listTargets(options: { limit: number }) {
    return [...(this.run?.targets ?? [])].sort((a, b) => b.score - a.score).slice(0, options.limit);
  }
}

// The exports, one method each: the suspect list (formula-safe CSV or JSON), inspection targets
// (CSV), a subgraph for Gephi (GraphML / GEXF) and a case's evidence pack (zip with a manifest of
// SHA-256s). Each returns the file and the facts its audit entry records; the route sends it.
import { toSafeCsv } from '../../src/export/csv-safe.ts';
import { renderSuspects, suspects } from '../../src/export/suspects.ts';
import {
  IDENTIFIER_LABELS,
  IDENTIFIER_REL,
  PARTY_LABELS,
  type GraphNode,
  type GraphRel,
  type RelType,
} from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import type { AuditLog } from '../audit.ts';
import type { User } from '../auth/users.ts';
import { casePackFiles, citedDeclarationLines, zip } from '../exports/case-pack.ts';
import { gexf, graphml, toGraphology } from '../exports/graph-files.ts';
import { ApiError } from '../http/errors.ts';
import type { FileAnswer } from '../http/send-file.ts';
import type { CaseWork } from './case-work.ts';
import { parseKey, toApiEdge, type GraphView } from './graph-view.ts';

/** The firm network (parties and identifiers, no shipments) is exported whole up to this size. */
export const MAX_EXPORT_NODES = 100_000;
const FIRM_NETWORK_RELS: RelType[] = [...Object.values(IDENTIFIER_REL), 'DIRECTS', 'SUCCEEDS'];

/** A file to download and what its audit entry says besides the bytes. */
export type ExportFile = FileAnswer & { facts: Record<string, unknown> };

export class Exports {
  constructor(
    private readonly store: GraphStore,
    private readonly graph: GraphView,
    private readonly caseWork: CaseWork,
    private readonly audit: AuditLog,
  ) {}

  /** Ranked suspects (firms and people) from the last detection run. */
  async suspectList(format: 'csv' | 'json', minScore: number): Promise<ExportFile> {
    if ((await this.store.lastRun()) === null)
      throw new ApiError(409, 'no_detection_run', 'detection has not run on this store yet');
    const doc = await suspects(this.store, minScore);
    return {
      file: {
        content: renderSuspects(doc, format),
        contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        filename: `ringscope-suspects.${format}`,
      },
      facts: { count: doc.suspects.length, minScore },
    };
  }

  /** The declaration lines ranked for inspection, as formula-safe CSV (what the targets screen shows). */
  async targetList(limit: number): Promise<ExportFile> {
    const { lines } = await this.graph.targets(limit);
    const rows = lines.map((t, i) => [i + 1, t.declarationId, t.line, t.score, t.reasons.join('; ')]);
    return {
      file: {
        content: toSafeCsv(['rank', 'declaration_id', 'line', 'score', 'reasons'], rows),
        contentType: 'text/csv; charset=utf-8',
        filename: 'ringscope-targets.csv',
      },
      facts: { count: lines.length, limit },
    };
  }

  /** The subgraph around `key` within `hops`, or the whole firm network. */
  async graphFile(query: { format: 'graphml' | 'gexf'; key?: string | undefined; hops: number }) {
    const { nodes, rels } = query.key
      ? await this.store.neighbourhood({ start: parseKey(query.key), hops: query.hops, limit: 5000 })
      : await this.firmNetwork();
    const graph = toGraphology(await this.graph.toApiNodes(nodes), rels.map(toApiEdge));
    const gexfFormat = query.format === 'gexf';
    const answer: ExportFile = {
      file: {
        content: gexfFormat ? gexf(graph) : graphml(graph),
        contentType: gexfFormat
          ? 'application/gexf+xml; charset=utf-8'
          : 'application/graphml+xml; charset=utf-8',
        filename: `ringscope-graph.${query.format}`,
      },
      facts: { format: query.format, nodes: graph.order, edges: graph.size },
    };
    return answer;
  }

  /** case.json, entities.csv, declarations.csv, rings/*.md and manifest.json, zipped. */
  async casePack(user: User, id: string): Promise<ExportFile> {
    const detail = await this.caseWork.view(user, id);
    const rings = await this.caseWork.rings(id);
    const cited = citedDeclarationLines(detail, rings);
    const shipments = await this.store.getNodes(
      [...cited.keys()].map((d) => ({ label: 'Shipment' as const, id: d })),
    );
    const files = casePackFiles({
      caseDetail: detail,
      rings,
      shipments,
      generatedBy: user.username,
      generatedAt: new Date().toISOString(),
      auditHead: this.audit.head(),
    });
    return {
      file: {
        content: await zip(files),
        contentType: 'application/zip',
        filename: `ringscope-case-${id}.zip`,
      },
      facts: {
        files: files.map((f) => f.path),
        entities: detail.entities.length,
        rings: rings.map((r) => r.id),
      },
    };
  }

  private async firmNetwork(): Promise<{ nodes: GraphNode[]; rels: GraphRel[] }> {
    const nodes: GraphNode[] = [];
    for await (const node of this.store.streamNodes([...PARTY_LABELS, ...IDENTIFIER_LABELS])) {
      if (nodes.length >= MAX_EXPORT_NODES) {
        throw new ApiError(
          422,
          'too_large',
          `the firm network has more than ${MAX_EXPORT_NODES.toLocaleString('en')} nodes; export around one node with key and hops`,
        );
      }
      nodes.push(node);
    }
    const rels: GraphRel[] = [];
    for await (const rel of this.store.streamRels(FIRM_NETWORK_RELS)) rels.push(rel);
    return { nodes, rels };
  }
}

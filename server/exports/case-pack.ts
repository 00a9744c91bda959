// The case pack: a zip a prosecutor can rely on. case.json (the case as the API shows it),
// entities.csv, declarations.csv (every line its evidence and rings cite), rings/<id>.md (each
// ring's explanation, members and indicators) and manifest.json with the SHA-256 of each file
// and the audit trail's head when the pack was made (an anchor for `ringscope audit verify`).
import { createHash } from 'node:crypto';
import { ZipArchive } from 'archiver';
import type { AuditAnchor } from '../audit.ts';
import type { GraphNode, Ring } from '../../src/model/index.ts';
import { toSafeCsv } from '../../src/export/csv-safe.ts';
import type { ApiNode } from '../../src/api/graph.ts';

export interface CasePackInput {
  caseDetail: {
    id: string;
    title: string;
    entities: ApiNode[];
    evidence: { id: number; declarationIds: string[] }[];
  } & Record<string, unknown>;
  rings: Ring[];
  /** Shipment nodes of every declaration line cited. */
  shipments: GraphNode[];
  generatedBy: string;
  generatedAt: string;
  /** The newest audit entry before this export's own. */
  auditHead: AuditAnchor | null;
}

export interface PackFile {
  path: string;
  content: Buffer;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const safeName = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);

function ringMarkdown(ring: Ring): string {
  const lines = [
    `# Ring ${ring.id}`,
    '',
    `- Typology: ${ring.typology}`,
    `- Score: ${ring.score.toFixed(3)}`,
    `- Revenue at risk: ${ring.revenueAtRisk.toFixed(2)}`,
    '',
    ring.explanation,
    '',
    '## Members',
    '',
    ...ring.members.map((m) => `- ${m.label}:${m.id} (${m.role})`),
    '',
    '## Indicators',
    '',
  ];
  for (const ind of ring.indicators) {
    lines.push(
      `### ${ind.name}: ${ind.description}`,
      '',
      `value ${ind.value}, weight ${ind.weight}, contribution ${ind.contribution.toFixed(3)}`,
      '',
    );
    if (ind.evidence.declarations.length)
      lines.push(`Declaration lines: ${ind.evidence.declarations.join(', ')}`, '');
    if (ind.evidence.nodes.length)
      lines.push(`Nodes: ${ind.evidence.nodes.map((n) => `${n.label}:${n.id}`).join(', ')}`, '');
    if (ind.evidence.rels.length) lines.push(`Relationships: ${ind.evidence.rels.join(', ')}`, '');
  }
  return `${lines.join('\n')}\n`;
}

/** The declaration lines a case cites: its evidence items and its rings' indicators. */
export function citedDeclarationLines(
  caseDetail: CasePackInput['caseDetail'],
  rings: readonly Ring[],
): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  const cite = (line: string, by: string) => (cited.get(line) ?? cited.set(line, []).get(line))?.push(by);
  for (const e of caseDetail.evidence) for (const d of e.declarationIds) cite(d, `evidence ${e.id}`);
  for (const r of rings)
    for (const ind of r.indicators) for (const d of ind.evidence.declarations) cite(d, `ring ${r.id}`);
  return cited;
}

export function casePackFiles(input: CasePackInput): PackFile[] {
  const cited = citedDeclarationLines(input.caseDetail, input.rings);
  const entities = toSafeCsv(
    ['key', 'label', 'id', 'name', 'risk'],
    input.caseDetail.entities.map((n) => [n.key, n.label, n.id, n.name, n.risk]),
  );
  const declarations = toSafeCsv(
    [
      'shipment_id',
      'declaration_id',
      'line',
      'date',
      'office',
      'hs_code',
      'origin_country',
      'customs_value',
      'currency',
      'duty_paid',
      'illicit',
      'source_file',
      'source_row',
      'cited_by',
    ],
    input.shipments
      .slice()
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((s) => {
        const p = s.props;
        return [
          s.id,
          p.declarationId,
          p.line,
          p.date,
          p.office,
          p.hsCode,
          p.originCountry,
          p.customsValue,
          p.currency,
          p.dutyPaid,
          p.illicit,
          s.source?.file,
          s.source?.row,
          (cited.get(s.id) ?? []).join(' | '),
        ];
      }),
  );
  const files: PackFile[] = [
    { path: 'case.json', content: Buffer.from(`${JSON.stringify(input.caseDetail, null, 2)}\n`) },
    { path: 'entities.csv', content: Buffer.from(entities) },
    { path: 'declarations.csv', content: Buffer.from(declarations) },
    ...input.rings.map((r) => ({
      path: `rings/${safeName(r.id)}.md`,
      content: Buffer.from(ringMarkdown(r)),
    })),
  ];
  const missing = [...cited.keys()].filter((d) => !input.shipments.some((s) => s.id === d)).sort();
  const manifest = {
    case: { id: input.caseDetail.id, title: input.caseDetail.title },
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy,
    auditHead: input.auditHead,
    algorithm: 'SHA-256',
    files: files.map((f) => ({ path: f.path, bytes: f.content.length, sha256: sha256(f.content) })),
    ...(missing.length ? { missingDeclarationLines: missing } : {}),
  };
  return [
    ...files,
    { path: 'manifest.json', content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
  ];
}

export function zip(files: readonly PackFile[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const archive = new ZipArchive({ zlib: { level: 9 } });
    const chunks: Buffer[] = [];
    archive.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.on('end', () => resolve(Buffer.concat(chunks)));
    archive.on('error', reject);
    archive.on('warning', reject);
    const date = new Date();
    for (const f of files) archive.append(f.content, { name: f.path, date });
    void archive.finalize();
  });
}

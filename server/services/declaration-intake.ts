// Storing an arriving declaration in the graph store (`?store=true`), through the same checks
// and atomic write as `ringscope ingest`: every line valid or nothing written, a declaration id
// already stored refused. One write at a time (store-writes.ts).
import { shipmentId } from '../../src/model/index.ts';
import type { ScoreDeclarationBody } from '../../src/api/risk.ts';
import { importDeclarationRows } from '../../src/ingest/import-rows.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { ApiError } from '../http/errors.ts';
import type { StoreWrites } from './store-writes.ts';

type Line = ScoreDeclarationBody['lines'][number];

/** The line number of each posted line: its own, or its place (1, 2, …) as scoring numbers it. */
export const lineNumbers = (body: ScoreDeclarationBody): number[] =>
  body.lines.map((l, i) => l.line ?? i + 1);

/**
 * A posted line as the cells of a canonical declarations.csv row. Procedure attributes are not
 * canonical fields; label fields are left out: an arriving line's labels come from the
 * inspection results recorded on it (POST /api/inspections).
 */
function canonicalRow(declarationId: string, line: Line, number: number): Record<string, string> {
  const {
    attributes: _attributes,
    inspected: _inspected,
    illicit: _illicit,
    revenue_recovered: _revenue,
    fraud: _fraud,
    critical_fraud: _critical,
    ...fields
  } = line;
  const row: Record<string, string> = { declaration_id: declarationId, line: String(number) };
  for (const [field, value] of Object.entries(fields)) if (value !== undefined) row[field] = String(value);
  return row;
}

export class DeclarationIntake {
  constructor(
    private readonly graph: GraphStore,
    private readonly writes: StoreWrites,
  ) {}

  /** Stores the declaration; 409 when its id is stored already, 400 naming line and field when a line is not valid. */
  store(body: ScoreDeclarationBody): Promise<void> {
    return this.writes.run(() => this.storeNow(body));
  }

  private async storeNow(body: ScoreDeclarationBody): Promise<void> {
    const numbers = lineNumbers(body);
    const refs = numbers.map((n) => ({ label: 'Shipment' as const, id: shipmentId(body.declaration_id, n) }));
    const stored = await this.graph.getNodes(refs);
    if (stored.length > 0) {
      throw new ApiError(
        409,
        'declaration_exists',
        `declaration ${body.declaration_id} is already stored (line ${stored[0]!.id}); send it without store=true to score it again`,
      );
    }
    const outcome = await importDeclarationRows(this.graph, {
      name: `api:declaration ${body.declaration_id}`,
      rows: body.lines.map((line, i) => canonicalRow(body.declaration_id, line, numbers[i]!)),
    });
    if (outcome.status === 'imported') return;
    const issues = outcome.problems.map((p) => {
      const at = p.row - 1;
      const field = p.column ?? '';
      return {
        path: at >= 0 ? `body.lines.${at}${field ? `.${field}` : ''}` : 'body',
        message: `line ${numbers[at] ?? p.row}, ${field || 'declaration'}: ${p.message} (${p.code})`,
      };
    });
    throw new ApiError(
      400,
      'invalid_declaration',
      `declaration ${body.declaration_id} was not stored: ${outcome.problemCount} problem(s) with its lines; nothing was written`,
      { issues },
    );
  }
}

// The risk side of the seeded world for the browser tests: a line-risk model trained on the
// world's labelled lines (as `ringscope train` does, through the CLI itself), and an arriving
// declaration built from one of the world's lines that the model puts in the red lane, checked
// by scoring it alone as the API will (so the test does not depend on luck).
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { DeclarationLineInput, type ScoreDeclarationBody } from '../../../src/api/risk.ts';
import { loadModel } from '../../../src/cli/commands/risk-input.ts';
import { main } from '../../../src/cli/main.ts';
import { riskLineOf } from '../../../src/risk/canonical-line.ts';
import { scoreLines } from '../../../src/risk/scored.ts';

/** Trains a model on the declarations file's labelled lines; fails with the CLI's exit code. */
export async function trainWorldModel(declarationsPath: string, out: string): Promise<void> {
  const code = await main(['train', declarationsPath, '--out', out]);
  if (code !== 0) throw new Error(`ringscope train ${declarationsPath} exited with ${code}`);
}

const NUMBERS = new Set([
  'quantity',
  'net_mass_kg',
  'gross_mass_kg',
  'customs_value',
  'duty_paid',
  'duty_rate',
]);
const LABELS = new Set(['declaration_id', 'line', 'inspected', 'illicit', 'revenue_recovered']);

/** A CSV row as the scoring route's JSON line: empty cells left out, labels dropped. */
function jsonLine(row: Record<string, string>): DeclarationLineInput {
  const line: Record<string, unknown> = {};
  for (const [field, cell] of Object.entries(row)) {
    if (cell === '' || LABELS.has(field)) continue;
    line[field] = NUMBERS.has(field) ? Number(cell) : cell;
  }
  return DeclarationLineInput.parse(line);
}

/**
 * A one-line declaration `declarationId` the model scores red: the world's highest-scoring line
 * that is red when scored alone, with its parties (so the importer is on the graph).
 */
export async function redDeclaration(
  declarationsPath: string,
  modelPath: string,
  declarationId: string,
): Promise<{ body: ScoreDeclarationBody; score: number }> {
  const { model, file } = await loadModel(modelPath);
  const rows: Record<string, string>[] = parse(await readFile(declarationsPath), { columns: true });
  const candidates = rows.map(jsonLine);
  const risk = candidates.map((line) => riskLineOf({ ...line, declaration_id: declarationId }, 1, {}));
  const ranked = scoreLines(model, file.lanes, risk, { reasonsFor: [] });
  for (const scored of ranked.filter((s) => s.lane === 'red')) {
    const line = candidates[risk.indexOf(scored.line)]!;
    const [alone] = scoreLines(model, file.lanes, [
      riskLineOf({ ...line, declaration_id: declarationId }, 1, {}),
    ]);
    if (alone?.lane === 'red')
      return { body: { declaration_id: declarationId, lines: [line] }, score: alone.score };
  }
  throw new Error(`no line of ${declarationsPath} scores red alone with ${modelPath}`);
}

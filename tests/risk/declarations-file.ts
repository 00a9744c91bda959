// A canonical declarations file for the CLI tests, from the synthetic risk lines. `labelled`
// false leaves the inspection results out; `shuffleBefore` shuffles the labels of the lines
// dated before that day (training lines only, so a held-out of the newest days keeps its truth).
import { seededRng } from '../../src/model/rng.ts';
import { riskLines } from './lines.ts';

const HEADER =
  'declaration_id,line,date,importer_id,broker_id,supplier_id,hs_code,origin_country,net_mass_kg,customs_value,duty_rate,inspected,illicit';

export function declarations(
  count: number,
  labelled: boolean,
  options: { shuffleBefore?: string; seed?: number } = {},
): string {
  const lines = riskLines(count, 21);
  if (options.shuffleBefore !== undefined) {
    const rng = seededRng(options.seed ?? 5);
    const at = lines.flatMap((l, i) => (l.date < options.shuffleBefore! ? [i] : []));
    const labels = at.map((i) => lines[i]!.label);
    for (let i = labels.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [labels[i], labels[j]] = [labels[j]!, labels[i]!];
    }
    at.forEach((i, k) => (lines[i] = { ...lines[i]!, label: labels[k]! }));
  }
  const rows = lines.map((l) =>
    [
      l.declarationId,
      1,
      l.date,
      l.importerId,
      l.declarantId,
      l.sellerId,
      l.hsCode,
      l.originCountry,
      l.netMassKg!.toFixed(1),
      l.customsValue.toFixed(1),
      l.dutyRate,
      labelled ? 'true' : '',
      labelled ? String(l.label) : '',
    ].join(','),
  );
  return `${HEADER}\n${rows.join('\n')}\n`;
}

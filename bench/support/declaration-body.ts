// The body of `POST /api/declarations/score` for lines read from a declarations file: what the
// scoring benches send (the API and in-process scoring benches send the same body).
import type { RiskLine } from '../../src/risk/features.ts';

const present = <T>(v: T | null): T | undefined => v ?? undefined;

/** Absent values are left out (the route validates what is sent, as a client's body). */
export function declarationBody(declarationId: string, lines: readonly RiskLine[]) {
  return {
    declaration_id: declarationId,
    lines: lines.map((l, i) => ({
      line: i + 1,
      date: l.date,
      office: present(l.office),
      importer_id: present(l.importerId),
      broker_id: present(l.declarantId),
      supplier_id: present(l.sellerId),
      hs_code: l.hsCode,
      origin_country: present(l.originCountry),
      departure_country: present(l.departureCountry),
      customs_value: l.customsValue,
      net_mass_kg: present(l.netMassKg),
      duty_rate: present(l.dutyRate),
    })),
  };
}

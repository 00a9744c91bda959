// A ring literal for tests of what happens after the detectors: folding, party risk.
import type { Ring } from '../../src/model/index.ts';

export function ring(
  id: string,
  typology: Ring['typology'],
  score: number,
  members: string[],
  revenueAtRisk = 0,
): Ring {
  return {
    id,
    typology,
    score,
    revenueAtRisk,
    explanation: id,
    members: members.map((m) => ({ label: 'Importer', id: m, role: 'importer' })),
    indicators: [],
  };
}

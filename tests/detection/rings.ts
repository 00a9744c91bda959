// A ring literal for tests of what happens after the detectors: folding, party risk.
import type { Ring } from '../../src/model/index.ts';
import { ringPriority } from '../../src/scoring/ring.ts';

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
    priority: ringPriority(score, revenueAtRisk),
    explanation: id,
    members: members.map((m) => ({ label: 'Importer', id: m, role: 'importer' })),
    indicators: [],
  };
}

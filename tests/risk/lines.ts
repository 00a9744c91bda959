// Synthetic declaration lines for the risk tests: a few risky importers and an HS code whose
// fraud shows in a low unit value, over a background of clean trade.
import { seededRng } from '../../src/model/rng.ts';
import type { RiskLine } from '../../src/risk/features.ts';

export function riskLines(count: number, seed: number): RiskLine[] {
  const rng = seededRng(seed);
  const lines: RiskLine[] = [];
  for (let i = 0; i < count; i++) {
    const importer = `I${Math.floor(rng() * 300)}`;
    const riskyImporter = Number(importer.slice(1)) % 10 === 0;
    const hsCode = ['610910', '420231', '711311', '851712'][Math.floor(rng() * 4)]!;
    const fraud = rng() < (riskyImporter ? 0.6 : 0.04) + (hsCode === '610910' ? 0.1 : 0);
    const mass = 10 + rng() * 100;
    lines.push({
      declarationId: `D${seed}-${i}`,
      line: 1,
      date: `2021-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      office: `O${Math.floor(rng() * 5)}`,
      hsCode,
      originCountry: rng() < 0.5 ? 'CN' : 'VN',
      departureCountry: 'CN',
      dutyRate: 0.08,
      customsValue: mass * (fraud ? 20 + rng() * 10 : 50 + rng() * 30),
      netMassKg: mass,
      declarantId: `B${Math.floor(rng() * 40)}`,
      importerId: importer,
      sellerId: `S${Math.floor(rng() * 200)}`,
      courierId: null,
      attributes: { 'Process Type': rng() < 0.5 ? 'A' : 'B' },
      label: fraud,
    });
  }
  return lines;
}

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KCS_FILES, evaluateKcs, readKcsFile, runKcsEvaluation } from '../../src/eval/kcs.ts';
import { noise } from '../fixtures/world.ts';

const HEADER =
  'Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud';

/** Declarations where HS 610910 from CN under-declares its price and is usually fraud. */
function file(rows: number, seed: number): string {
  const rnd = noise(seed);
  const out = [HEADER];
  for (let i = 0; i < rows; i++) {
    const risky = rnd() < 0.2;
    const fraud = risky ? rnd() < 0.8 : rnd() < 0.05;
    const hs = risky ? '610910' : rnd() < 0.5 ? '420231' : '711311';
    const price = fraud ? 100 + rnd() * 50 : 1000 + rnd() * 500;
    out.push(
      `${seed}${i},2021-01-01,40,B,11,21,11,40,D${i % 50},I${i % 70},S${i % 30},,${hs},CN,CN,8.0,A,G,10.0,${price.toFixed(1)},${fraud ? 1 : 0},0`,
    );
  }
  return `${out.join('\n')}\n`;
}

describe('KCS targeting evaluation', () => {
  it('ranks fraud above random selection and above the HS rule when price tells more', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kcs-'));
    await writeFile(join(dir, KCS_FILES.train), file(2000, 1));
    await writeFile(join(dir, KCS_FILES.valid), file(500, 2));
    await writeFile(join(dir, KCS_FILES.test), file(1000, 3));
    const report = await runKcsEvaluation(dir, { seed: 1, randomDraws: 20 });
    expect(report.train).toBe(2500);
    report.shares.forEach((_k, i) => {
      expect(report.targeting[i]!).toBeGreaterThan(report.random[i]! + 0.3);
      expect(report.targeting[i]!).toBeGreaterThanOrEqual(report.hsRule[i]!);
    });
  });

  it('names the file, row and column of a row that is not KCS', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kcs-'));
    await writeFile(
      join(dir, 'bad.csv'),
      `${HEADER}\n1,2021-01-01,40,B,11,21,11,40,D,I,S,,HS!,CN,CN,8.0,A,G,1,1,0,0\n`,
    );
    await expect(readKcsFile(join(dir, 'bad.csv'))).rejects.toThrow(/bad\.csv: row 1, column HS6 Code/);
  });

  it('reports zero precision on an empty test set without failing', () => {
    const r = evaluateKcs([], [], { seed: 1, randomDraws: 1 });
    expect(r.targeting).toEqual([0, 0, 0, 0]);
  });
});

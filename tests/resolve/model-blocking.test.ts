// The match model, blocking and resolution end to end on small hand-made registries.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/model/rng.ts';
import { candidatePairs } from '../../src/resolve/blocking.ts';
import {
  EM_DEFAULTS,
  estimateModel,
  levelFrequencies,
  type Vectors,
} from '../../src/resolve/fellegi-sunter.ts';
import { prepare, type PartyRecord } from '../../src/resolve/records.ts';
import { resolveParties } from '../../src/resolve/resolve.ts';
import { scoreResolution } from '../../src/eval/resolution.ts';
import { runCli } from '../helpers/run-cli.ts';
import { firm } from './firm.ts';

function draw(rng: Rng, probabilities: readonly number[]): number {
  let r = rng.next();
  for (let l = 0; l < probabilities.length; l++) {
    r -= probabilities[l]!;
    if (r < 0) return l;
  }
  return probabilities.length - 1;
}

const m = [
  [0.7, 0.2, 0.1],
  [0.9, 0.1],
  [0.8, 0.2],
];
const u = [
  [0.02, 0.08, 0.9],
  [0.05, 0.95],
  [0.1, 0.9],
];

/** 40,000 pairs, a fifth of them matches, drawn from m and u. */
function synthetic(): Vectors {
  const rng = new Rng(5);
  const pairs = 40_000;
  const data = new Int8Array(pairs * 3);
  for (let p = 0; p < pairs; p++) {
    const truth = rng.chance(0.2) ? m : u;
    for (let f = 0; f < 3; f++) data[p * 3 + f] = draw(rng, truth[f]!);
  }
  return { fields: 3, levels: [3, 2, 2], data };
}

const flatU = () => u.map((row) => row.map(() => 1 / row.length));

describe('EM', () => {
  it('recovers known m, u and λ from synthetic comparisons', () => {
    const model = estimateModel(synthetic(), flatU());
    expect(model.lambda).toBeCloseTo(0.2, 1);
    model.m.forEach((row, f) => row.forEach((x, l) => expect(Math.abs(x - m[f]![l]!)).toBeLessThan(0.03)));
    model.u.forEach((row, f) => row.forEach((x, l) => expect(Math.abs(x - u[f]![l]!)).toBeLessThan(0.03)));
  });

  it('stops once no parameter moves by more than the tolerance, and says whether it did', () => {
    const model = estimateModel(synthetic(), flatU());
    expect(model.converged).toBe(true);
    expect(model.iterations).toBeLessThan(EM_DEFAULTS.maxIterations);
    const cut = estimateModel(synthetic(), flatU(), { maxIterations: 2 });
    expect(cut).toMatchObject({ converged: false, iterations: 2 });
  });

  it('levelFrequencies ignores missing fields', () => {
    const f = levelFrequencies({ fields: 1, levels: [2], data: Int8Array.from([0, 0, 1, -1]) }, 0);
    expect(f).toEqual([[2 / 3, 1 / 3]]);
  });
});

/** 60 distinct firms, 10 of them entered again with a variant, and a ring sharing identifiers. */
function registry(): {
  records: PartyRecord[];
  truth: { original: string; duplicate: string; changes: string[] }[];
} {
  const stems = [
    'Norex',
    'Velora',
    'Trasium',
    'Ambrix',
    'Kestona',
    'Lumeon',
    'Dorant',
    'Fenova',
    'Galix',
    'Havus',
  ];
  const trades = ['Trading', 'Logistics', 'Wholesale', 'Supply', 'Commerce', 'Retail'];
  const records: PartyRecord[] = [];
  let n = 0;
  for (const stem of stems)
    for (const trade of trades) {
      n++;
      records.push(
        firm(`IM-${n}`, `${stem} ${trade} B.V.`, {
          addresses: [`havenweg ${n} 3011 rotterdam`],
          phones: [`31100${n}`],
          accounts: [`NL${n}INGB`],
        }),
      );
    }
  const variants = [
    'Nroex Trading BV',
    'Velora Logistics Limited',
    'Wholesale Trasium B.V.',
    'Амбрикс Supply BV',
  ];
  const truth = variants.map((name, i) => {
    const original = records[i * 7]!;
    const duplicate = { ...original, id: `IM-D${i}`, name, accounts: [] };
    records.push(duplicate);
    return { original: `Importer:${original.id}`, duplicate: `Importer:IM-D${i}`, changes: [] };
  });
  // A ring: different names, one phone and one account between them.
  records.push(firm('IM-R1', 'Zanox Goods BV', { phones: ['999'], accounts: ['RING'] }));
  records.push(firm('IM-R2', 'Polaris Import BV', { phones: ['999'], accounts: ['RING'] }));
  return { records, truth };
}

describe('blocking', () => {
  it('keeps every true pair and compares far fewer than all pairs', () => {
    const { records, truth } = registry();
    const prepared = records.map(prepare);
    const pairs = candidatePairs(prepared);
    const index = new Map(records.map((r, i) => [`Importer:${r.id}`, i]));
    const found = new Set<string>();
    for (let p = 0; p < pairs.length; p += 2) found.add(`${pairs[p]}-${pairs[p + 1]}`);
    for (const t of truth) {
      const [a, b] = [index.get(t.original)!, index.get(t.duplicate)!].sort((x, y) => x - y);
      expect(found.has(`${a}-${b}`), `${t.original} ~ ${t.duplicate}`).toBe(true);
    }
    expect(pairs.length / 2).toBeLessThan((records.length * (records.length - 1)) / 2 / 4);
  });
});

describe('resolveParties', () => {
  it('finds the planted duplicates with their evidence and not the ring sharing identifiers', () => {
    const { records, truth } = registry();
    const result = resolveParties(records, { minScore: 0.5 });
    const report = scoreResolution(
      { version: 1, share: 0, seed: 0, pairs: truth },
      result.candidates,
      records,
    );
    expect(report.resolve).toMatchObject({ correct: 4, precision: 1, recall: 1 });
    expect(report.exactName.correct).toBe(1);
    expect(result.candidates.some((c) => c.a === 'Importer:IM-R1')).toBe(false);
    const trasium = result.candidates.find((c) => c.b === 'Importer:IM-D2')!;
    expect(trasium.evidence).toEqual([
      'names 1.00 similar',
      'same legal form',
      'same address',
      'same phone',
      'same country',
    ]);
  });

  it('pairs people only on more than a name', () => {
    const { records } = registry();
    const person = (id: string, name: string, directors: string[]): PartyRecord => ({
      ...firm(id, name),
      label: 'Person',
      directors,
    });
    const people = [
      person('PE-1', 'Jan Jansen', ['IM-1']),
      person('PE-2', 'Jan Jansen', []),
      person('PE-3', 'Jan Jasnen', ['IM-1']),
    ];
    const result = resolveParties([...records, ...people], { minScore: 0.01 });
    const pairs = result.candidates.filter((c) => c.a.startsWith('Person:')).map((c) => `${c.a} ${c.b}`);
    expect(pairs).toEqual(['Person:PE-1 Person:PE-3']);
  });

  it('refuses a minimum score outside (0, 1]', () => {
    expect(() => resolveParties([], { minScore: 0 })).toThrow();
    expect(() => resolveParties([], { minScore: 1.5 })).toThrow();
  });
});

describe('ringscope resolve', () => {
  it('refuses a bad --min-score, naming it', async () => {
    const r = await runCli(['resolve', '--min-score', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('resolve: --min-score: a probability in (0, 1]');
  });

  it('refuses a bad --variants share in seed before generating', async () => {
    const r = await runCli(['seed', '--size', 'tiny', '--out', '/nonexistent/x', '--variants', '0.9']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('seed: --variants: a share in (0, 0.5], got "0.9"');
  });
});

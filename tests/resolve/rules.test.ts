// The comparison rules that keep related firms apart: registration dates as a comparison field
// and as a rule, one entry matching at most one of several registrations, m held where EM has
// nothing to learn it from, and legal forms as transliteration or a typo leaves them.
import { describe, expect, it } from 'vitest';
import { FIELDS, compare, registrationLevel } from '../../src/resolve/compare.ts';
import { estimateModel, type Vectors } from '../../src/resolve/fellegi-sunter.ts';
import { normaliseName } from '../../src/resolve/normalise.ts';
import { prepare, type PartyRecord } from '../../src/resolve/records.ts';
import { resolveParties } from '../../src/resolve/resolve.ts';
import { oneRegistrationEach } from '../../src/resolve/rules.ts';
import { firm } from './firm.ts';

/** 40 unrelated firms, so the model has non-matches to learn u from. */
function background(): PartyRecord[] {
  const stems = ['Norex', 'Velora', 'Trasium', 'Ambrix', 'Kestona', 'Lumeon', 'Dorant', 'Fenova'];
  const trades = ['Trading', 'Logistics', 'Wholesale', 'Supply', 'Commerce'];
  return stems.flatMap((stem, s) =>
    trades.map((trade, t) =>
      firm(`BG-${s}-${t}`, `${stem} ${trade} B.V.`, {
        addresses: [`havenweg ${s * 10 + t} 3011 rotterdam`],
        phones: [`3110${s}${t}`],
        registeredOn: `2010-0${(t % 9) + 1}-1${s}`,
      }),
    ),
  );
}

const pairsOf = (records: PartyRecord[]) => resolveParties(records).candidates.map((c) => `${c.a} ${c.b}`);

describe('registration level', () => {
  const at = (registeredOn: string | null, closedOn: string | null = null) =>
    firm('X', 'X', { registeredOn, closedOn });

  it('is the same day, different days, one closed before the other, or no evidence', () => {
    expect(registrationLevel(at('2020-01-01'), at('2020-01-01'))).toBe(0);
    expect(registrationLevel(at('2014-02-02'), at('2024-09-19'))).toBe(1);
    expect(registrationLevel(at('2023-08-28', '2023-11-02'), at('2023-11-13'))).toBe(2);
    expect(registrationLevel(at('2023-11-13'), at('2023-08-28', '2023-11-02'))).toBe(2);
    expect(registrationLevel(at('2020-01-01'), at(null))).toBeNull();
  });

  it('is the last field of the comparison vector, with its words', () => {
    const a = prepare(firm('A', 'Karus Supply B.V.', { registeredOn: '2024-09-19' }));
    const b = prepare(firm('B', 'Karus Supply B.V.', { registeredOn: '2014-02-02' }));
    expect(FIELDS.at(-1)).toBe('registration');
    expect(compare(a, b).at(-1)).toBe(1);
  });
});

describe('two registrations are never one party', () => {
  it('parts family firms of one name sharing address, e-mail and director; pairs an undated variant', () => {
    const shared = {
      emails: ['customs@karussupplybv.nl'],
      directors: ['PE-9'],
      addresses: ['kade 1 3011 rotterdam'],
    };
    const records = [
      ...background(),
      firm('IM-1', 'Karus Supply B.V.', { ...shared, registeredOn: '2024-09-19', phones: ['1'] }),
      firm('IM-2', 'Karus Supply B.V.', { ...shared, registeredOn: '2014-02-02', phones: ['2'] }),
      firm('IM-3', 'Karus Suply BV', { phones: ['2'], emails: shared.emails }),
    ];
    const pairs = pairsOf(records);
    expect(pairs).not.toContain('Importer:IM-1 Importer:IM-2');
    expect(pairs).toContain('Importer:IM-2 Importer:IM-3');
  });

  it('parts a successor registered after its predecessor closed, at the same address', () => {
    const common = { addresses: ['12 dock st'], phones: ['44'], directors: ['P1'] };
    const records = [
      ...background(),
      firm('GB-1', 'Maple Europe Logistics BV', {
        ...common,
        registeredOn: '2023-08-28',
        closedOn: '2023-11-02',
      }),
      firm('GB-2', 'Maaple Europe Logistics BV', { ...common, registeredOn: '2023-11-13' }),
      firm('GB-3', 'Maple Europe Logistcs BV', { addresses: common.addresses, phones: common.phones }),
    ];
    const pairs = pairsOf(records);
    expect(pairs).not.toContain('Importer:GB-1 Importer:GB-2');
    expect(pairs.filter((p) => p.includes('GB-3'))).toHaveLength(1);
  });
});

describe('oneRegistrationEach', () => {
  it('keeps an entry’s best match among registrations that are distinct', () => {
    const parties = [
      firm('D', 'Sterling Merch. Inc.'),
      firm('R1', 'Sterling Merchants Inc.', { registeredOn: '2024-12-27' }),
      firm('R2', 'Sterling Merchants Inc.', { registeredOn: '2024-08-09' }),
      firm('R3', 'Sterling Merchants Inc', { registeredOn: '2024-08-09' }),
    ].map(prepare);
    const kept = oneRegistrationEach(parties, [
      { i: 0, j: 2, score: 0.6 },
      { i: 0, j: 1, score: 0.8 },
      { i: 0, j: 3, score: 0.6 },
    ]);
    expect(kept).toEqual([{ i: 0, j: 1, score: 0.8 }]);
  });

  it('keeps every match when the partners may be one registration', () => {
    const parties = [
      firm('D', 'Lindeon BV'),
      firm('A', 'Lindeon BV', { registeredOn: '2020-06-19' }),
      firm('B', 'Lindeon B.V.'),
    ].map(prepare);
    const pairs = [
      { i: 0, j: 1, score: 0.9 },
      { i: 0, j: 2, score: 0.7 },
    ];
    expect(oneRegistrationEach(parties, pairs)).toEqual(pairs);
  });
});

describe('estimateModel with m held', () => {
  it('keeps a held field’s m where EM would fit it to the pairs', () => {
    // Field 1 disagrees in every pair: left to EM, its m goes to the disagreeing level.
    const data = Int8Array.from([0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1]);
    const vectors: Vectors = { fields: 2, levels: [2, 2], data };
    const u = [
      [0.5, 0.5],
      [0.5, 0.5],
    ];
    expect(estimateModel(vectors, u).m[1]![1]).toBeGreaterThan(0.99);
    expect(estimateModel(vectors, u, { fixedM: { 1: [0.9, 0.1] } }).m[1]).toEqual([0.9, 0.1]);
  });
});

describe('legal forms as transliteration and typos leave them', () => {
  it.each([
    ['Дуне Дистрибутион Инк', 'dune distribution', ['inc']],
    ['Тидеватер Импортс ГмбХ', 'tidevater imports', ['gmbh']],
    ['Χαβεν Διστριμπουτιον Γ.μ.μπ.Χ.', 'haven distrimboution', ['gmbh']],
    ['ДЖунипер Дистрибутион Птй Лтд', 'juniper distribution', ['pty ltd']],
    ['Becaon Supply Pty Ldt', 'becaon supply', ['pty ltd']],
    ['Orion Distr. Incc', 'orion distribution', ['inc']],
    ['Silverline Supply Icorporated', 'silverline supply', ['inc']],
    ['Co. Kestis', 'kestis', ['co']],
    ['Harbour Ltd', 'harbour', ['ltd']],
  ])('%s → %s', (name, text, forms) => {
    const n = normaliseName(name);
    expect(n.text).toBe(text);
    expect(n.forms).toEqual(forms);
  });
});

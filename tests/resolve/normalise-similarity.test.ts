// Name normalisation and the string similarities, against published reference values.
import { describe, expect, it } from 'vitest';
import { normaliseName, toLatin } from '../../src/resolve/normalise.ts';
import {
  editDistance,
  jaro,
  jaroWinkler,
  phoneticKey,
  soundex,
  tokenSetSimilarity,
  withinOneEdit,
} from '../../src/resolve/similarity.ts';

describe('normaliseName', () => {
  it.each([
    ['ACME TRADING CO LTD', 'acme trading', ['co ltd']],
    ['Acme Trading Company Limited', 'acme trading', ['co ltd']],
    ['Acme Trading Co., Ltd.', 'acme trading', ['co ltd']],
    ['Kestex Logistics B.V.', 'kestex logistics', ['bv']],
    ['Müller & Söhne GmbH', 'muller sohne', ['gmbh']],
    ['Hafen Import G.m.b.H.', 'hafen import', ['gmbh']],
    ['Dubois S.A.R.L.', 'dubois', ['sarl']],
    ['Jansen V.O.F.', 'jansen', ['vof']],
    ['Apex Supply L.L.C.', 'apex supply', ['llc']],
    ['Orion Goods Inc.', 'orion goods', ['inc']],
    ['OOO Romashka', 'romashka', ['ooo']],
    ['Co', 'co', []],
    ['Ltd Zanatrade', 'zanatrade', ['ltd']],
    ['Solix Trdg Intl Ltd', 'solix trading international', ['ltd']],
    ['Дорант Интернатионал Ко.', 'dorant international', ['co']],
  ])('%s → %s', (name, text, forms) => {
    const n = normaliseName(name);
    expect(n.text).toBe(text);
    expect(n.forms).toEqual(forms);
  });

  it('transliterates Cyrillic and Greek and drops diacritics', () => {
    expect(toLatin('Норекс Трейдинг')).toBe('noreks treiding');
    expect(toLatin('Щукин')).toBe('shchukin');
    expect(toLatin('Αθήνα')).toBe('athina');
    expect(toLatin('Μπουζούκι')).toBe('bouzouki');
    expect(toLatin('Öztürk Straße')).toBe('ozturk strasse');
  });
});

describe('string similarity', () => {
  it('Jaro and Jaro–Winkler give the published values (Winkler 1990)', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', '')).toBe(1);
  });

  it('token-set similarity forgives word order, not a dropped word', () => {
    expect(tokenSetSimilarity(['acme', 'trading'], ['trading', 'acme'])).toBe(1);
    expect(tokenSetSimilarity(['acme', 'trading'], ['acme'])).toBe(0.5);
    expect(tokenSetSimilarity(['acme'], ['zenith'])).toBe(0);
  });

  it('Soundex gives the US National Archives examples', () => {
    expect(['Robert', 'Rupert', 'Rubin', 'Ashcraft', 'Tymczak', 'Pfister', 'Honeyman'].map(soundex)).toEqual([
      'R163',
      'R163',
      'R150',
      'A261',
      'T522',
      'P236',
      'H555',
    ]);
    expect(soundex('123')).toBe('');
  });
});

describe('editDistance and phoneticKey', () => {
  it('counts one edit for a swap of adjacent letters (optimal string alignment)', () => {
    expect(editDistance('forwarding', 'forwardnig')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('keys C and K alike at the start of a word', () => {
    expect(phoneticKey('Corus')).toBe(phoneticKey('Korous'));
    expect(phoneticKey('Anna')).toBe('A500');
  });
});

describe('withinOneEdit', () => {
  it('agrees with editDistance ≤ 1', () => {
    const words = ['import', 'imports', 'imorts', 'impotrs', 'imprt', 'ipmort', 'omar', 'omr', 'oma', 'mar'];
    const more = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'bac', 'abcd', 'abdc', 'xbcd', 'abc', 'aabc'];
    const all = [...words, ...more];
    for (const a of all)
      for (const b of all) expect([a, b, withinOneEdit(a, b)]).toEqual([a, b, editDistance(a, b) <= 1]);
  });
});

// Names the match model used to call merely "near" (level 3, never a candidate): a Latin name
// written letter by letter in Cyrillic or Greek and read back, a clipped legal form, a typo in a
// short word or in a word normalisation used to shorten, an abbreviation in another script.
import { describe, expect, it } from 'vitest';
import { blockingKeys } from '../../src/resolve/blocking.ts';
import { compare } from '../../src/resolve/compare.ts';
import { normaliseName } from '../../src/resolve/normalise.ts';
import { prepare } from '../../src/resolve/records.ts';
import { transliterationKey } from '../../src/resolve/transliterate.ts';
import { firm } from './firm.ts';

const nameLevel = (a: string, b: string) => compare(prepare(firm(a, a)), prepare(firm(b, b)))[0];

describe('transliterationKey', () => {
  it.each([
    ['wholesale', 'vkholesale', 'uholesale'], // Вхолесале
    ['wholesale', 'ouholesale', 'uholesale'], // ΟΥχολεσαλε
    ['willow', 'ouilloou', 'uillu'], // ΟΥιλλοου
    ['willow', 'villov', 'uillu'], // Виллов
    ['commerce', 'kommerke', 'kommerke'], // Коммерке
    ['shenzhen', 'skhenzkhen', 'shenzen'], // Схензхен
    ['global', 'glombal', 'global'], // Γλομπαλ
    ['sourcing', 'soourking', 'surking'], // Σοουρκινγ
    ['jebel', 'zembel', 'zebel'], // Ζεμπελ
    ['yiwu', 'iivu', 'iiuu'], // Йиву
  ])('%s and %s both fold to %s', (latin, readBack, key) => {
    expect(transliterationKey(latin)).toBe(key);
    expect(transliterationKey(readBack)).toBe(key);
  });

  it('keeps words apart that differ in more than such letters', () => {
    expect(transliterationKey('willow')).not.toBe(transliterationKey('yellow'));
    expect(transliterationKey('harbor')).not.toBe(transliterationKey('harper'));
    // A look-alike firm doubling a letter is not folded onto the original.
    expect(transliterationKey('oriiion')).not.toBe(transliterationKey('orion'));
  });
});

describe('name level', () => {
  it.each([
    ['Yiwu Riverside Wholesale Inc', 'Йиву Риверсиде Вхолесале Инк', 1],
    ['Zenith Global Wholesale GmbH', 'Ζενιτχ Γλομπαλ ΟΥχολεσαλε ΓμμπΧ', 1],
    ['Willow Distribution Ltd', 'Виллов Дистрибутион Лтд', 1],
    ['Foshan Willow Goods Pty Ltd', 'ΦΟΣΧΑΝ ΟΥΙΛΛΟΟΥ ΓΟΟΔΣ ΠΤΥ ΛΤΔ', 1],
    // Transliterated and misspelt at once: one edit apart after folding.
    ['Unity Commerce Inc', 'ΟΥνιτυ Κομεμρκε Ινκ', 2],
    ['Izmir Dune Imports BV', 'Izmir Dune Imorts BV', 1],
    ['Omar Petrov', 'Omr Petrov', 1],
    ['Polaris Wholesale Ltd', 'Πολαρισ ΟΥχσλ Λτδ', 0],
    ['Maple Supply Ltd', 'Maple Supply Ld', 0],
    ['Delta Sourcing Co', 'Delta Sourcing C', 0],
  ])('%s ~ %s: %i', (a, b, level) => {
    expect(nameLevel(a, b)).toBe(level);
  });

  it('still tells different names apart', () => {
    expect(nameLevel('Willow Trading Ltd', 'Yellow Trading Ltd')).toBe(3);
    expect(nameLevel('Ben Abbott', 'Bo Abbott')).toBe(3);
  });
});

describe('clipped legal forms', () => {
  it.each([
    ['Maple Supply Ld', 'maple supply', ['ltd']],
    ['Xiamen Lumen Distribution Lt', 'xiamen lumen distribution', ['ltd']],
    ['Delta Sourcing C', 'delta sourcing', ['co']],
    ['Apex Supply L.L.C.', 'apex supply', ['llc']],
    ['Made In', 'made in', []],
    ['C', 'c', []],
  ])('%s → %s %j', (name, text, forms) => {
    const n = normaliseName(name);
    expect(n.text).toBe(text);
    expect(n.forms).toEqual(forms);
  });
});

describe('blocking', () => {
  it('gives a name and its transliteration a common word key', () => {
    const a = new Set(blockingKeys(prepare(firm('a', 'Willow Distribution Ltd'))));
    const shared = blockingKeys(prepare(firm('b', 'Виллов Дистрибутион Лтд'))).filter((k) => a.has(k));
    expect(shared).toContain('Importer|w:uillu');
  });
});

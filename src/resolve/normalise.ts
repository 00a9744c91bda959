// Names as entity resolution compares them: one script (Latin), one case, no diacritics, no
// punctuation, and no legal-form words — "ACME Trading Co., Ltd." and "Acme Trading Company
// Limited" both become "acme trading". The legal form is kept apart: it says little about
// identity (clerks abbreviate it freely) but two different forms in one country are evidence.

/** Cyrillic (Russian, Ukrainian, Bulgarian, Serbian) to Latin, after ISO 9 / BGN usage. */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  ђ: 'dj',
  е: 'e',
  ё: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  џ: 'dz',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Modern Greek to Latin (ELOT 743, simplified: accents are dropped first). */
const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/** Latin letters NFD does not decompose. */
const LATIN_EXTRA: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ŀ: 'l',
};

const TABLE: Record<string, string> = { ...CYRILLIC, ...GREEK, ...LATIN_EXTRA };

/** Lower-case Latin text without diacritics: Cyrillic and Greek transliterated. */
export function toLatin(text: string): string {
  const lower = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '');
  let out = '';
  // Greek digraphs first (ELOT 743): ου is ou, μπ is b at the start of a word and mb inside.
  const greek = lower
    .replace(/ου/g, 'ou')
    .replace(/(^|[^\p{L}])μπ/gu, '$1b')
    .replace(/μπ/g, 'mb');
  for (const ch of greek) out += TABLE[ch] ?? ch;
  return out;
}

/**
 * Legal-form words, each as the tokens it leaves once punctuation is gone ("B.V." → "b v",
 * "Co., Ltd." → "co ltd"), mapped to one canonical form. Longest first when matching.
 */
const LEGAL_FORMS: readonly (readonly [string, string])[] = [
  ['gmbh co kg', 'gmbh & co kg'],
  ['gmbh & co kg', 'gmbh & co kg'],
  ['g m b h', 'gmbh'],
  ['gmbh', 'gmbh'],
  ['pty ltd', 'pty ltd'],
  ['pty limited', 'pty ltd'],
  ['proprietary limited', 'pty ltd'],
  ['co ltd', 'co ltd'],
  ['company limited', 'co ltd'],
  ['co limited', 'co ltd'],
  ['company ltd', 'co ltd'],
  ['limited liability company', 'llc'],
  ['l l c', 'llc'],
  ['llc', 'llc'],
  ['l l p', 'llp'],
  ['llp', 'llp'],
  ['limited', 'ltd'],
  ['ltd', 'ltd'],
  ['incorporated', 'inc'],
  ['inc', 'inc'],
  ['corporation', 'corp'],
  ['corp', 'corp'],
  ['company', 'co'],
  ['co', 'co'],
  ['b v', 'bv'],
  ['bv', 'bv'],
  ['n v', 'nv'],
  ['nv', 'nv'],
  ['v o f', 'vof'],
  ['vof', 'vof'],
  ['s a r l', 'sarl'],
  ['sarl', 'sarl'],
  ['s a s', 'sas'],
  ['sas', 'sas'],
  ['s a', 'sa'],
  ['sa', 'sa'],
  ['s r l', 'srl'],
  ['srl', 'srl'],
  ['s p a', 'spa'],
  ['spa', 'spa'],
  ['s l', 'sl'],
  ['sl', 'sl'],
  ['ag', 'ag'],
  ['kg', 'kg'],
  ['plc', 'plc'],
  ['oy', 'oy'],
  ['ab', 'ab'],
  ['a s', 'as'],
  ['as', 'as'],
  ['aps', 'aps'],
  ['sp z o o', 'sp zoo'],
  ['z o o', 'sp zoo'],
  ['ooo', 'ooo'],
  ['oao', 'oao'],
  ['zao', 'zao'],
  ['ao', 'ao'],
  ['pao', 'pao'],
  ['ae', 'ae'],
  ['epe', 'epe'],
  ['ike', 'ike'],
  ['a s', 'as'],
  ['kft', 'kft'],
  ['s r o', 'sro'],
  ['sro', 'sro'],
  ['d o o', 'doo'],
  ['doo', 'doo'],
  ['jsc', 'jsc'],
  ['pte ltd', 'pte ltd'],
  ['pte', 'pte'],
  ['sdn bhd', 'sdn bhd'],
  ['bhd', 'bhd'],
  ['tbk', 'tbk'],
  ['pt', 'pt'],
  // As transliteration leaves them ("Ко.", "ΓμβΧ").
  ['ko', 'co'],
  ['gmvch', 'gmbh'],
];
const FORMS_BY_LENGTH = LEGAL_FORMS.map(([words, form]) => [words.split(' '), form] as const).sort(
  (a, b) => b[0].length - a[0].length,
);

/** Words that join or decorate a name without identifying it. */
const NOISE = new Set(['and', 'the', 'of', 'und', 'en', 'et']);

/** Forms written before the name in their languages (\"OOO Romashka\", \"PT Maju\"). */
const LEADING = new Set(['ooo', 'oao', 'zao', 'ao', 'pao', 'pt']);

/** Business words as clerks shorten them, written out. */
const ABBREVIATIONS: Record<string, string> = {
  trdg: 'trading',
  intl: 'international',
  int: 'international',
  imp: 'import',
  imports: 'import',
  exp: 'export',
  distr: 'distribution',
  dist: 'distribution',
  whsl: 'wholesale',
  comm: 'commerce',
  merch: 'merchants',
  logist: 'logistics',
  log: 'logistics',
  mfg: 'manufacturing',
  ind: 'industrial',
  intern: 'international',
  svc: 'services',
  svcs: 'services',
  grp: 'group',
  hldg: 'holding',
  hldgs: 'holding',
  bros: 'brothers',
  ent: 'enterprises',
};

/** A name ready for comparison. */
export interface NormalisedName {
  /** The identifying words, in their order ("acme trading"). */
  tokens: string[];
  /** The words joined by one space. */
  text: string;
  /** The canonical legal forms found ("co ltd"), in order; empty when none. */
  forms: string[];
}

/** Splits a name into identifying tokens and legal forms (trailing or leading). */
export function normaliseName(name: string): NormalisedName {
  const words = toLatin(name.replace(/&/g, ' and ').replace(/\+/g, ' and '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !NOISE.has(w))
    .map((w) => ABBREVIATIONS[w] ?? w);
  const forms: string[] = [];
  // Legal forms are stripped from the end (and from the start, "OOO Romashka"), never the middle,
  // so "Co" in "Cobalt Co" goes but a firm called "AB Foods" keeps nothing it needs.
  let end = words.length;
  for (let again = true; again && end > 1;) {
    again = false;
    for (const [form, canonical] of FORMS_BY_LENGTH) {
      if (end - form.length < 1) continue;
      if (form.every((w, i) => words[end - form.length + i] === w)) {
        forms.unshift(canonical);
        end -= form.length;
        again = true;
        break;
      }
    }
  }
  let start = 0;
  for (const [form, canonical] of FORMS_BY_LENGTH) {
    // Other forms only by misplacement ("Ltd Zanatrade"), never the ambiguous short words.
    if (form.length >= end || (!LEADING.has(canonical) && canonical === 'co')) continue;
    if (form.every((w, i) => words[i] === w)) {
      forms.unshift(canonical);
      start = form.length;
      break;
    }
  }
  const tokens = words.slice(start, end);
  return { tokens, text: tokens.join(' '), forms };
}

/** An address as compared: Latin, lower-case, common street words abbreviated one way. */
const STREET_WORDS: Record<string, string> = {
  road: 'rd',
  street: 'st',
  avenue: 'ave',
  boulevard: 'blvd',
  lane: 'ln',
  drive: 'dr',
  suite: 'ste',
  straat: 'str',
  strasse: 'str',
  number: 'no',
  nr: 'no',
  industrial: 'ind',
  building: 'bldg',
};

export function normaliseAddress(address: string): string[] {
  return toLatin(address)
    .replace(/straße|strasse/g, ' str')
    .replace(/straat\b/g, ' str')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => STREET_WORDS[w] ?? w);
}

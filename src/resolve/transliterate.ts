// Other scripts to Latin for name and address comparison: Cyrillic and Greek transliterated
// letter by letter (with the digraphs that stand for one Latin sound), diacritics dropped.

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
  χ: 'h', // As Greek names are most often written in Latin (Χανιά, Hania), not ELOT's ch.
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
  // Digraphs first. Greek (ELOT 743): ου is ou, μπ is b at the start of a word and mb inside.
  // Cyrillic дж is the English j (Джон, John), as the Latin names written in Cyrillic spell it.
  const greek = lower
    .replace(/дж/g, 'j')
    .replace(/ου/g, 'ou')
    .replace(/(^|[^\p{L}])μπ/gu, '$1b')
    .replace(/μπ/g, 'mb');
  for (const ch of greek) out += TABLE[ch] ?? ch;
  return out;
}

/**
 * A word's spelling with the letters a round trip through Cyrillic or Greek confuses folded
 * together, for comparing a name written in another script with its Latin original. English
 * written letter by letter and read back loses which of c, k and q it had (к, κ), whether v or
 * w was meant (в) and w or u (ου, οου), y or i (й, υ, ι), j or z (ж, ζ, дж), h or ch (х, χ:
 * kh, kkh) and b (μπ inside a word: mb): "Вхолесале" (vkholesale), "ΟΥχολεσαλε" (ouholesale) and
 * "Wholesale" all become "uholesale". Doubled letters stay: a look-alike name that doubles one
 * ("Oriiion") is another firm as often as a typo. Applied to both sides, so two Latin words that
 * fold together were already near.
 */
export function transliterationKey(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/j/g, 'z')
    .replace(/y/g, 'i')
    .replace(/[wv]/g, 'u')
    .replace(/o*u/g, 'u')
    .replace(/k+h/g, 'h')
    .replace(/zh/g, 'z')
    .replace(/mb/g, 'b');
}

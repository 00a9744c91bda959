// String similarity for entity resolution: Jaro–Winkler (Winkler 1990), a token-set similarity
// that forgives word order and dropped words, and the American Soundex phonetic key (as in the
// US National Archives' rules), each small enough to check against published values.

/** Jaro similarity in [0, 1] (Jaro 1989): matching characters within a window, transpositions. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedB = new Uint8Array(lb);
  const matchesA: number[] = [];
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedB[j] = 1;
        matchesA.push(i);
        break;
      }
    }
  }
  const m = matchesA.length;
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let j = 0; j < lb; j++) {
    if (matchedB[j] === 0) continue;
    if (a.charCodeAt(matchesA[k]!) !== b.charCodeAt(j)) t++;
    k++;
  }
  return (m / la + m / lb + (m - t / 2) / m) / 3;
}

/** Jaro–Winkler: Jaro boosted by the common prefix (up to 4 characters, scale 0.1). */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const j = jaro(a, b);
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * prefixScale * (1 - j);
}

/**
 * Token-set similarity in [0, 1]: each token of the shorter list paired with its most similar
 * unused token of the other (Jaro–Winkler ≥ 0.85 counts, weighted by its similarity), the sum
 * divided by the longer list's length. Word order does not matter; a dropped word costs its share.
 */
export function tokenSetSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Uint8Array(long.length);
  let total = 0;
  for (const token of short) {
    let best = 0;
    let at = -1;
    for (let j = 0; j < long.length; j++) {
      if (used[j] === 1) continue;
      const s = token === long[j] ? 1 : jaroWinkler(token, long[j]!);
      if (s > best) {
        best = s;
        at = j;
      }
    }
    if (at >= 0 && best >= 0.85) {
      used[at] = 1;
      total += best;
    }
  }
  return total / long.length;
}

const SOUNDEX_CODE: Record<string, string> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
};

/**
 * American Soundex of a word: its first letter and three digits ("Robert" → R163). Letters
 * with the same code separated by h or w count once; vowels separate them. Non-letters are
 * ignored; a word without letters gives "".
 */
export function soundex(word: string): string {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return '';
  let out = letters.charAt(0).toUpperCase();
  let last = SOUNDEX_CODE[letters.charAt(0)] ?? '';
  for (let i = 1; i < letters.length && out.length < 4; i++) {
    const ch = letters.charAt(i);
    const code = SOUNDEX_CODE[ch];
    if (code === undefined) {
      // Vowels (and y) separate equal codes; h and w do not.
      if (ch !== 'h' && ch !== 'w') last = '';
      continue;
    }
    if (code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, '0');
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one
 * substring): insertions, deletions, substitutions and swaps of adjacent letters, each 1.
 * Most misspellings are one such edit (Damerau 1964).
 */
export function editDistance(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return la + lb;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  for (let i = 1; i <= la; i++) {
    const row = new Array<number>(lb + 1);
    row[0] = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
    }
    prev2 = prev;
    prev = row;
  }
  return prev[lb]!;
}

/**
 * Whether two words are at most one edit apart (editDistance ≤ 1: one insertion, deletion,
 * substitution or swap of adjacent letters), in one pass: most compared words are not, and
 * the full table would be built for each of them.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  const rest = (x: number, y: number) => a.slice(x) === b.slice(y);
  if (la === lb) {
    if (rest(i + 1, i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      rest(i + 2, i + 2)
    );
  }
  return la > lb ? rest(i + 1, i) : rest(i, i + 1);
}

/**
 * A phonetic key that also forgives the first letter's spelling: Soundex with the first letter
 * replaced by its Soundex digit ("Corus" and "Korous" both 2-62), so a transliteration that
 * writes C as K keeps its key.
 */
export function phoneticKey(word: string): string {
  const s = soundex(word);
  if (s === '') return '';
  const first = SOUNDEX_CODE[s.charAt(0).toLowerCase()];
  return first === undefined ? s : `${first}-${s.slice(1)}`;
}

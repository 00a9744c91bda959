// The word index's vocabulary in memory, for the typo fallback of search: read once from FTS5's
// vocabulary table and kept until the words may have changed: another connection committed
// (`PRAGMA data_version` moved) or an import on this one did (./imports.ts forgets it; imports
// are the only writes of parties and identifiers). Reading the
// vocabulary and measuring edit distances to every word of a near length took 15–40 ms a query
// word on the small world; here the words are grouped by length and each carries a mask of the
// characters it holds, so that most words are set aside without an edit distance: k edits change
// at most 2k bits of that mask (a substitution two, an insertion or deletion one, a transposition
// none).
import { editDistance } from '../text-search.ts';
import { preparedOnce } from './prepared.ts';
import type { Db } from './schema.ts';

/** One bit per character, folded into 32 bits: a necessary condition, never a sufficient one. */
function characterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i += 1) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bitCount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

interface WordsOfLength {
  words: string[];
  masks: Uint32Array;
}

export class Vocabulary {
  private constructor(private readonly byLength: Map<number, WordsOfLength>) {}

  static of(words: Iterable<string>): Vocabulary {
    const grouped = new Map<number, string[]>();
    for (const w of words) {
      const list = grouped.get(w.length);
      if (list) list.push(w);
      else grouped.set(w.length, [w]);
    }
    const byLength = new Map<number, WordsOfLength>();
    for (const [length, list] of grouped)
      byLength.set(length, { words: list, masks: Uint32Array.from(list, characterMask) });
    return new Vocabulary(byLength);
  }

  /** The words within `max` edits of `word` (the word itself included when present). */
  near(word: string, max: number): string[] {
    const mask = characterMask(word);
    const found: string[] = [];
    for (let length = word.length - max; length <= word.length + max; length += 1) {
      const group = this.byLength.get(length);
      if (!group) continue;
      for (let i = 0; i < group.words.length; i += 1) {
        if (bitCount((group.masks[i]! ^ mask) >>> 0) > 2 * max) continue;
        const candidate = group.words[i]!;
        if (editDistance(word, candidate, max) <= max) found.push(candidate);
      }
    }
    return found;
  }
}

const cached = new WeakMap<Db, { dataVersion: number; vocabulary: Vocabulary }>();

/** After a commit on this connection that may have changed the words. */
export function forgetVocabulary(db: Db): void {
  cached.delete(db);
}

/** The vocabulary of `node_words` as the database holds it now. */
export function vocabularyOf(db: Db): Vocabulary {
  const dataVersion = preparedOnce(db, 'PRAGMA data_version').pluck().get() as number;
  const hit = cached.get(db);
  if (hit?.dataVersion === dataVersion) return hit.vocabulary;
  const words = preparedOnce(db, 'SELECT term FROM node_words_vocab').pluck().all() as string[];
  const vocabulary = Vocabulary.of(words);
  cached.set(db, { dataVersion, vocabulary });
  return vocabulary;
}

// Blocking: which pairs are compared at all. Each party gets a few keys (the phonetic and the
// transliteration key of each name word, the start and end of its name, each identifier it
// holds) and parties sharing a key meet. A block of at most `maxBlock` parties is compared
// whole; a larger one (a common word such as "trading", a business centre's address) only by
// sorted neighbourhood: its parties sorted by name, each compared with the next `window`. The
// pairs are thus at most keys × (maxBlock or window) per party, and the work grows linearly with
// the parties.
import type { PreparedParty } from './records.ts';

export interface BlockingOptions {
  maxBlock: number;
  window: number;
}

export const BLOCKING_DEFAULTS: BlockingOptions = { maxBlock: 40, window: 6 };

/** The blocking keys of one party (its label is part of every key: only one kind meets). */
export function blockingKeys(p: PreparedParty): string[] {
  const label = p.record.label;
  const keys = new Set<string>();
  for (const k of p.phonetic) keys.add(`s:${k}`);
  // Words by their transliteration key: a word and its Cyrillic or Greek rendering meet.
  p.tokens.forEach((w, i) => {
    if (w.length >= 4) keys.add(`w:${p.folded[i]!}`);
  });
  const compact = p.text.replace(/ /g, '');
  if (compact.length >= 4) {
    keys.add(`h:${compact.slice(0, 4)}`);
    keys.add(`t:${compact.slice(-4)}`);
  }
  if (p.tokens.length > 1) keys.add(`o:${[...p.folded].sort().join(' ')}`);
  for (const a of p.record.addresses) keys.add(`a:${a}`);
  for (const x of p.record.phones) keys.add(`p:${x}`);
  for (const x of p.record.emails) keys.add(`e:${x}`);
  for (const x of p.record.accounts) keys.add(`b:${x}`);
  for (const x of p.record.directors) keys.add(`d:${x}`);
  return [...keys].map((k) => `${label}|${k}`);
}

/** Candidate pairs as [i, j] with i < j, each once, in a stable order. */
export function candidatePairs(
  parties: readonly PreparedParty[],
  options: Partial<BlockingOptions> = {},
): Uint32Array {
  const o = { ...BLOCKING_DEFAULTS, ...options };
  const blocks = new Map<string, number[]>();
  parties.forEach((p, i) => {
    for (const key of blockingKeys(p)) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  const n = parties.length;
  const seen = new Set<number>();
  const out: number[] = [];
  const add = (x: number, y: number) => {
    const [i, j] = x < y ? [x, y] : [y, x];
    const code = i * n + j;
    if (i === j || seen.has(code)) return;
    seen.add(code);
    out.push(i, j);
  };
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length <= o.maxBlock) {
      for (let a = 0; a < members.length; a++)
        for (let b = a + 1; b < members.length; b++) add(members[a]!, members[b]!);
      continue;
    }
    const sorted = [...members].sort((x, y) => compareText(parties[x]!.text, parties[y]!.text) || x - y);
    for (let a = 0; a < sorted.length; a++)
      for (let b = a + 1; b <= a + o.window && b < sorted.length; b++) add(sorted[a]!, sorted[b]!);
  }
  return Uint32Array.from(out);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

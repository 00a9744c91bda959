// Full-text search as investigators type: what matches and in which order, whatever index found
// the candidates. Each store asks its own full-text index (the embedded store: SQLite FTS5 tables
// kept by triggers; Neo4j: the ringscope_text Lucene index) for a superset of the nodes that may
// match, and this module decides, field by field, which do and ranks them, so that both stores
// answer the same.
//
// Text is folded: Unicode NFKC, lower-case, every run of characters that are neither letters nor
// digits made one space ("Supply V.O.F." → "supply v o f", "IM-23872" → "im 23872"). A node is
// searched on its id, its name and its value (addresses with their city, phones, e-mails, bank
// accounts). A query of fewer than three letters or digits finds nothing here.
//   prefix     the folded query starts the field or one of its words;
//   substring  the folded query is inside the field, or (a query of digits only, as a phone
//              fragment typed "185 6795") its digits are inside the id's letters and digits;
//   fuzzy      every query word starts a word of the field or, when it has five characters or
//              more, is within one edit of a whole word (two from eight characters; an edit is an
//              insertion, deletion, substitution or transposition of neighbours).
// Hits rank by kind (prefix, substring, fuzzy), then field (id, name, value), then edits, then
// the field's length (the closest to the query first), then node key; `limit` cuts after.
import { IDENTIFIER_LABELS, nodeKey, PARTY_LABELS, type GraphNode, type NodeLabel } from '../model/index.ts';
import { checkSearchLimit } from './search-ranking.ts';
import { compareStrings } from './traversal.ts';

/** The labels the full-text indexes hold: parties and identifiers, never lines, rings or cases. */
export const TEXT_LABELS: readonly NodeLabel[] = [...PARTY_LABELS, ...IDENTIFIER_LABELS];

export type TextField = 'id' | 'name' | 'value';
export type TextQuality = 'prefix' | 'substring' | 'fuzzy';

export interface TextHit {
  node: GraphNode;
  /** The field that matched best. */
  field: TextField;
  quality: TextQuality;
}

/** Shortest query, in letters and digits, full-text search answers. */
export const MIN_TEXT_QUERY = 3;
/** Most candidates a store hands to the ranking. */
export const TEXT_CANDIDATES = 2000;

const SEPARATORS = /[^\p{L}\p{N}]+/gu;

export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, ' ').trim();
}

export interface TextQuery {
  folded: string;
  words: string[];
  /** The query's letters and digits without spaces. */
  compact: string;
  /** Digits and separators only: a phone or account fragment. */
  digitsOnly: boolean;
}

/** The query folded, or null when it is too short to search. */
export function parseTextQuery(text: string): TextQuery | null {
  const folded = foldText(text);
  const compact = folded.replaceAll(' ', '');
  if (compact.length < MIN_TEXT_QUERY) return null;
  return { folded, words: folded.split(' '), compact, digitsOnly: /^\d+$/.test(compact) };
}

/** How many edits a query word of this length may be from a word it matches. */
export function maxTypos(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

// Three rows of the alignment table, reused by every call (the typo fallback compares a query
// word with thousands of vocabulary words per search).
let rowsOf = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance, stopping early past `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rowsOf[0]!.length <= b.length) rowsOf = rowsOf.map(() => new Int32Array(b.length * 2 + 1));
  let [before, previous, current] = rowsOf as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** Edits a query word needs to meet one of the field's words: 0 for a prefix, null for none. */
function wordEdits(word: string, fieldWords: readonly string[]): number | null {
  let best: number | null = null;
  const max = maxTypos(word.length);
  for (const v of fieldWords) {
    if (v.startsWith(word)) return 0;
    if (max === 0) continue;
    const d = editDistance(word, v, max);
    if (d <= max && (best === null || d < best)) best = d;
  }
  return best;
}

interface FieldMatch {
  field: TextField;
  quality: TextQuality;
  edits: number;
  length: number;
}

const QUALITY_RANK: Record<TextQuality, number> = { prefix: 0, substring: 1, fuzzy: 2 };
const FIELD_RANK: Record<TextField, number> = { id: 0, name: 1, value: 2 };

function fieldText(node: GraphNode, field: TextField): string | null {
  const value = field === 'id' ? node.id : node.props[field];
  return typeof value === 'string' && value !== '' ? foldText(value) : null;
}

function matchField(text: string, field: TextField, q: TextQuery): FieldMatch | null {
  const length = text.length;
  if (text.startsWith(q.folded) || text.includes(` ${q.folded}`))
    return { field, quality: 'prefix', edits: 0, length };
  if (
    text.includes(q.folded) ||
    (field === 'id' && q.digitsOnly && text.replaceAll(' ', '').includes(q.compact))
  )
    return { field, quality: 'substring', edits: 0, length };
  const words = text.split(' ');
  let edits = 0;
  for (const word of q.words) {
    const d = wordEdits(word, words);
    if (d === null) return null;
    edits += d;
  }
  return { field, quality: 'fuzzy', edits, length };
}

const compareMatches = (a: FieldMatch, b: FieldMatch): number =>
  QUALITY_RANK[a.quality] - QUALITY_RANK[b.quality] ||
  FIELD_RANK[a.field] - FIELD_RANK[b.field] ||
  a.edits - b.edits ||
  a.length - b.length;

/** The node's best matching field, or null when none matches. */
export function matchNode(node: GraphNode, q: TextQuery): FieldMatch | null {
  let best: FieldMatch | null = null;
  for (const field of ['id', 'name', 'value'] as const) {
    const text = fieldText(node, field);
    const match = text === null ? null : matchField(text, field, q);
    if (match && (best === null || compareMatches(match, best) < 0)) best = match;
  }
  return best;
}

/** The matching candidates, ranked, cut at limit. */
export function rankTextHits(
  candidates: readonly GraphNode[],
  q: TextQuery,
  options: { limit: number; labels?: readonly NodeLabel[] | undefined },
): TextHit[] {
  const labels = new Set(options.labels ?? TEXT_LABELS);
  const seen = new Set<string>();
  const ranked: { hit: TextHit; match: FieldMatch; key: string }[] = [];
  for (const node of candidates) {
    const key = nodeKey(node);
    if (!labels.has(node.label) || !TEXT_LABELS.includes(node.label) || seen.has(key)) continue;
    seen.add(key);
    const match = matchNode(node, q);
    if (match) ranked.push({ hit: { node, field: match.field, quality: match.quality }, match, key });
  }
  return ranked
    .sort((a, b) => compareMatches(a.match, b.match) || compareStrings(a.key, b.key))
    .slice(0, options.limit)
    .map((r) => r.hit);
}

/** Checks the limit and folds the query; null when there is nothing to search for. */
export function textQueryOf(text: string, limit: number): TextQuery | null {
  checkSearchLimit(limit);
  return parseTextQuery(text);
}

/**
 * The Lucene query of the Neo4j full-text index that finds a superset of the matches: every word
 * inside a term, or within its edits of one. Words hold letters and digits only (folded), so
 * nothing in them is Lucene syntax.
 */
export function luceneQuery(q: TextQuery): string {
  return q.words
    .map((w) => {
      const typos = maxTypos(w.length);
      return typos > 0 ? `+(*${w}* OR ${w}~${typos})` : `+*${w}*`;
    })
    .join(' ');
}

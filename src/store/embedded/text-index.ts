// The embedded store's full-text index (SQLite FTS5), kept by triggers on `nodes` so that an
// import writes it in its own transaction (a rolled-back import leaves no row in it) and a node
// written again replaces its row (never a second one). Two tables over the folded id, name and
// value (../text-search.ts) of parties and identifiers:
// - node_text, trigram tokenizer: any substring of three characters or more, case-insensitive
//   (names, address fragments, cities), and the id's letters and digits run together (phone and
//   account fragments typed with or without spaces);
// - node_words, word tokenizer, with its vocabulary (node_words_vocab): word prefixes, and the
//   typo fallback — the vocabulary's words within the edits allowed of a query word
//   (./vocabulary.ts, kept in memory until the database changes) become the terms searched.
// Each table yields at most TEXT_CANDIDATES rows by the index's own rank; ../text-search.ts then
// decides what matches and ranks it as in the Neo4j store.
import { NodeLabel } from '../../model/index.ts';
import type { SearchOptions } from '../graph-store.ts';
import {
  foldText,
  maxTypos,
  rankTextHits,
  TEXT_CANDIDATES,
  TEXT_LABELS,
  textQueryOf,
  type TextHit,
  type TextQuery,
} from '../text-search.ts';
import { preparedOnce } from './prepared.ts';
import { vocabularyOf } from './vocabulary.ts';
import { NODE_COLUMNS, nodeFromRow, type NodeRow } from './rows.ts';
import type { Db } from './schema.ts';

const LABELS_SQL = TEXT_LABELS.map((l) => `'${l}'`).join(', ');
const DOCUMENT = (row: string) =>
  `${row}.n, ${row}.label, rs_fold(${row}.id), rs_fold(${row}.props ->> 'name'), rs_fold(${row}.props ->> 'value')`;

/** Migration 3: the tables, their triggers and the rows of what is already stored. */
export const TEXT_INDEX_MIGRATION = `
  CREATE VIRTUAL TABLE node_text USING fts5(label UNINDEXED, ident, name, value, cident, tokenize = 'trigram');
  CREATE VIRTUAL TABLE node_words USING fts5(label UNINDEXED, ident, name, value,
    tokenize = 'unicode61 remove_diacritics 0');
  CREATE VIRTUAL TABLE node_words_vocab USING fts5vocab(node_words, 'row');
  CREATE TRIGGER node_text_insert AFTER INSERT ON nodes WHEN new.label IN (${LABELS_SQL}) BEGIN
    INSERT INTO node_text (rowid, label, ident, name, value, cident)
      SELECT ${DOCUMENT('new')}, rs_compact(new.id);
    INSERT INTO node_words (rowid, label, ident, name, value) SELECT ${DOCUMENT('new')};
  END;
  CREATE TRIGGER node_text_update AFTER UPDATE OF props ON nodes
    WHEN new.label IN (${LABELS_SQL}) AND new.props IS NOT old.props BEGIN
    DELETE FROM node_text WHERE rowid = old.n;
    DELETE FROM node_words WHERE rowid = old.n;
    INSERT INTO node_text (rowid, label, ident, name, value, cident)
      SELECT ${DOCUMENT('new')}, rs_compact(new.id);
    INSERT INTO node_words (rowid, label, ident, name, value) SELECT ${DOCUMENT('new')};
  END;
  CREATE TRIGGER node_text_delete AFTER DELETE ON nodes WHEN old.label IN (${LABELS_SQL}) BEGIN
    DELETE FROM node_text WHERE rowid = old.n;
    DELETE FROM node_words WHERE rowid = old.n;
  END;
  INSERT INTO node_text (rowid, label, ident, name, value, cident)
    SELECT ${DOCUMENT('nodes')}, rs_compact(nodes.id) FROM nodes WHERE label IN (${LABELS_SQL});
  INSERT INTO node_words (rowid, label, ident, name, value)
    SELECT ${DOCUMENT('nodes')} FROM nodes WHERE label IN (${LABELS_SQL});
`;

/** The SQL functions the triggers call: every connection registers them before writing. */
export function registerTextFunctions(db: Db): void {
  const fold = (text: unknown) => (typeof text === 'string' ? foldText(text) : null);
  db.function('rs_fold', { deterministic: true }, fold);
  db.function(
    'rs_compact',
    { deterministic: true },
    (text: unknown) => fold(text)?.replaceAll(' ', '') ?? null,
  );
}

/** Vocabulary words within the edits allowed of `word` (the word itself included when present). */
function nearWords(db: Db, word: string): string[] {
  const max = maxTypos(word.length);
  return max === 0 ? [] : vocabularyOf(db).near(word, max);
}

/** The FTS5 queries whose rows may match; words hold letters and digits only, safe in quotes. */
function ftsQueries(db: Db, q: TextQuery): { table: 'node_text' | 'node_words'; match: string }[] {
  const queries: { table: 'node_text' | 'node_words'; match: string }[] = [
    { table: 'node_text', match: `{ident name value} : "${q.folded}"` },
  ];
  if (q.digitsOnly) queries.push({ table: 'node_text', match: `cident : "${q.compact}"` });
  const words = q.words.map((w) => [`"${w}"*`, ...nearWords(db, w).map((t) => `"${t}"`)].join(' OR '));
  queries.push({ table: 'node_words', match: words.map((w) => `(${w})`).join(' AND ') });
  return queries;
}

export function searchText(db: Db, text: string, options: SearchOptions): TextHit[] {
  const q = textQueryOf(text, options.limit);
  if (q === null) return [];
  const labels = JSON.stringify(options.labels ?? NodeLabel.options);
  const rows: NodeRow[] = [];
  for (const { table, match } of ftsQueries(db, q)) {
    const found = preparedOnce(
      db,
      `SELECT ${NODE_COLUMNS} FROM nodes WHERE n IN (
           SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND label IN (SELECT value FROM json_each(?))
            ORDER BY rank LIMIT ${TEXT_CANDIDATES})`,
    ).all(match, labels) as NodeRow[];
    rows.push(...found);
  }
  return rankTextHits(rows.map(nodeFromRow), q, options);
}

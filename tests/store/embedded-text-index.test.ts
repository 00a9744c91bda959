// The embedded store's full-text tables (src/store/embedded/text-index.ts): one row per party
// and identifier whatever the imports, none of a rolled-back import, and a file written before
// the tables existed indexed when opened.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import { LINE_COLUMNS } from '../../src/store/embedded/line-columns.ts';
import { migrate, openDatabase } from '../../src/store/embedded/schema.ts';
import { Vocabulary } from '../../src/store/embedded/vocabulary.ts';
import { editDistance } from '../../src/store/text-search.ts';
import { loadFixture, ref } from './fixture.ts';

/** Parties and identifiers in the fixture: 13 parties, 4 identifiers. */
const TEXT_NODES = 17;
/** The schema version that brought the full-text tables (migration 5). */
const TEXT_INDEX_VERSION = 5;

describe('embedded full-text tables', () => {
  let dir = '';
  let path = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ringscope-text-'));
    path = join(dir, 'store.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rows = () => {
    const db = new Database(path, { readonly: true });
    try {
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      return { text: count('node_text'), words: count('node_words') };
    } finally {
      db.close();
    }
  };

  it('keeps one row per node through re-imports and a rolled-back import', async () => {
    const store = await openEmbeddedStore(path);
    await store.init();
    await loadFixture(store);
    expect(rows()).toEqual({ text: TEXT_NODES, words: TEXT_NODES });
    await loadFixture(store);
    const session = await store.beginImport({ fileHash: 'd'.repeat(64), fileName: 'd.csv', rows: 1 });
    await session.write({
      nodes: [
        { ...ref('Importer', 'IM-004'), props: { name: 'Polar Freight' }, source: null },
        { ...ref('Importer', 'IM-778'), props: { name: 'Quokka Imports' }, source: null },
      ],
      rels: [],
    });
    await session.abort();
    expect(rows()).toEqual({ text: TEXT_NODES, words: TEXT_NODES });
    expect((await store.searchText('zenith', { limit: 5 })).map((h) => h.node.id)).toEqual(['IM-004']);
    await store.close();
  });

  it('indexes what a file of the previous layout holds when it is opened', async () => {
    const old = openDatabase(path);
    migrate(old, TEXT_INDEX_VERSION - 1);
    old.close();
    const store = await openEmbeddedStore(path);
    await loadFixture(store);
    await store.close();
    const downgraded = openDatabase(path);
    downgraded.exec(
      'DROP TABLE node_text; DROP TABLE node_words; DROP TABLE node_words_vocab; DROP TABLE resolve_links',
    );
    for (const t of ['insert', 'update', 'delete']) downgraded.exec(`DROP TRIGGER node_text_${t}`);
    // Later migrations run again too: what they added goes as well.
    for (const c of LINE_COLUMNS) downgraded.exec(`ALTER TABLE nodes DROP COLUMN ${c.column}`);
    downgraded.pragma(`user_version = ${TEXT_INDEX_VERSION - 1}`);
    downgraded.close();
    const reopened = await openEmbeddedStore(path);
    expect((await reopened.searchText('blue harb', { limit: 5 })).map((h) => h.node.id)).toEqual(['IM-003']);
    expect(rows()).toEqual({ text: TEXT_NODES, words: TEXT_NODES });
    await reopened.close();
  });
});

describe('the typo fallback vocabulary', () => {
  const words = [
    'norova',
    'norava',
    'nrova',
    'novora',
    'norovas',
    'beursplein',
    'bearsplein',
    'zenith',
    'zeniht',
  ];
  words.push(...Array.from({ length: 300 }, (_, i) => (i * 7919).toString(36).replace(/\d/g, 'q') + 'ab'));

  it('finds exactly the words an edit distance over every word finds', () => {
    const vocabulary = Vocabulary.of(words);
    for (const query of ['norova', 'beursplein', 'zenith', 'qqab', 'abcqq']) {
      for (const max of [1, 2]) {
        const brute = words.filter((w) => editDistance(query, w, max) <= max).sort();
        expect(vocabulary.near(query, max).sort()).toEqual(brute);
      }
    }
    expect(vocabulary.near('norova', 1).sort()).toEqual(['norava', 'norovas', 'norova', 'nrova'].sort());
  });

  it('sees words written after the first search, by this connection and by another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringscope-vocab-'));
    const path = join(dir, 'store.db');
    try {
      const store = await openEmbeddedStore(path);
      await store.init();
      await loadFixture(store);
      expect(await store.searchText('quokkas', { limit: 5 })).toEqual([]);
      const session = await store.beginImport({ fileHash: 'e'.repeat(64), fileName: 'e.csv', rows: 1 });
      await session.write({
        nodes: [{ ...ref('Importer', 'IM-778'), props: { name: 'Quokka Imports' }, source: null }],
        rels: [],
      });
      await session.commit();
      expect((await store.searchText('qoukka', { limit: 5 })).map((h) => h.node.id)).toEqual(['IM-778']);
      const other = await openEmbeddedStore(path);
      const later = await other.beginImport({ fileHash: 'f'.repeat(64), fileName: 'f.csv', rows: 1 });
      await later.write({
        nodes: [{ ...ref('Importer', 'IM-779'), props: { name: 'Wombat Holdings' }, source: null }],
        rels: [],
      });
      await later.commit();
      await other.close();
      expect((await store.searchText('wombta', { limit: 5 })).map((h) => h.node.id)).toEqual(['IM-779']);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

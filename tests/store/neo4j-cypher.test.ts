// The query files of the Neo4j adapter and label escaping: no Neo4j needed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NodeLabel, RelType } from '../../src/model/index.ts';
import { CYPHER_DIR, cypherLabel, query, QUERY_NAMES } from '../../src/store/neo4j/cypher.ts';
import type { QueryName } from '../../src/store/neo4j/cypher.ts';

const root = fileURLToPath(CYPHER_DIR);

function cypherFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? cypherFiles(join(dir, entry.name))
      : entry.name.endsWith('.cypher')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('cypher/ query files', () => {
  it('lists every file once, and every listed name is a file', () => {
    const onDisk = cypherFiles(root)
      .map((f) => relative(root, f).replace(/\.cypher$/, ''))
      .sort();
    expect([...QUERY_NAMES].sort()).toEqual(onDisk);
  });

  it('holds no slots but {{label}} and {{type}}, and no string-built Cypher', () => {
    const closed = new Set<string>([...NodeLabel.options, ...RelType.options]);
    for (const name of QUERY_NAMES) {
      const text = readFileSync(join(root, `${name}.cypher`), 'utf8');
      const slots = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
      expect(
        slots.every((s) => s === 'label' || s === 'type'),
        name,
      ).toBe(true);
      expect(text, name).not.toMatch(/apoc\.cypher/);
      // A label or type computed in the query ($(…)) is only ever picked from a list written in
      // the file, of members of the closed enums.
      const code = text
        .split('\n')
        .filter((line) => !line.startsWith('//'))
        .join('\n');
      const dynamic = [...code.matchAll(/\$\(/g)].length;
      const picked = [...code.matchAll(/\$\(\[((?:'\w+', )*'\w+')\]\[[\w[\]]+\]\)/g)];
      expect(picked.length, name).toBe(dynamic);
      for (const [, list] of picked) {
        for (const value of list?.split(', ') ?? [])
          expect(closed.has(value.slice(1, -1)), `${name}: ${value}`).toBe(true);
      }
    }
  });

  it('fills a slot only with a value of the closed enums, backtick-quoted', () => {
    const q = query('read/count-label', { label: 'Importer' });
    expect(q.text).toContain('MATCH (n:`Importer`)');
    expect(query('stream/rels', { type: 'IMPORTED_BY' }).text).toContain('[r:`IMPORTED_BY`]');
  });

  it('refuses a query whose slot is missing or not in the file', () => {
    expect(() => query('read/count-label')).toThrow(/needs a value/);
    expect(() => query('read/nodes-by-key', { label: 'Importer' })).toThrow(/not in the file/);
  });
});

describe('cypherLabel (label escaping)', () => {
  it('quotes every label and relationship type of the enums', () => {
    for (const value of [...NodeLabel.options, ...RelType.options])
      expect(cypherLabel(value)).toBe(`\`${value}\``);
  });

  it.each([
    'Importer`) DETACH DELETE n //',
    'Importer:Admin',
    '`Importer`',
    'importer',
    '',
    'Importer ',
    'IMPORTED_BY]->() DETACH DELETE r //',
  ])('refuses %j', (payload) => {
    expect(() => cypherLabel(payload)).toThrow(/Not a Ringscope label/);
    expect(() => query('read/count-label', { label: payload as NodeLabel })).toThrow(/Not a Ringscope label/);
  });

  it('renders each (query, label) once, so the query text set stays closed', () => {
    const a = query('write/merge-nodes', { label: 'Broker' });
    expect(query('write/merge-nodes', { label: 'Broker' })).toBe(a);
    expect(a.name satisfies QueryName).toBe('write/merge-nodes');
  });
});

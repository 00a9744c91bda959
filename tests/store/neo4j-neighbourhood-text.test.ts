// The neighbourhood query as sent: comment lines and indentation dropped, every clause kept in
// order (what Neo4j runs is unchanged; the Neo4j suites check its answers).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, query } from '../../src/store/neo4j/cypher.ts';
import { compactCypher } from '../../src/store/neo4j/neighbourhood.ts';

describe('compactCypher', () => {
  it('drops comment lines, blank lines and indentation, keeping the statement lines in order', () => {
    const compact = compactCypher({ name: 'read/neighbourhood', text: '// why\nMATCH (n)\n  // more\n\n  WHERE n.key = $key // kept\n  RETURN n' });
    expect(compact).toEqual({ name: 'read/neighbourhood', text: 'MATCH (n)\nWHERE n.key = $key // kept\nRETURN n' });
  });

  it('sends the neighbourhood query smaller, with no comment line and every clause still there', () => {
    const file = readFileSync(new URL('read/neighbourhood.cypher', CYPHER_DIR), 'utf8');
    const compact = compactCypher(query('read/neighbourhood')).text;
    expect(compact.length).toBeLessThan(file.length * 0.8);
    expect(compact).not.toMatch(/^\s*\/\//m);
    const clauses = (text: string) => (text.match(/^\s*(CALL|MATCH|UNWIND|WITH|RETURN|ORDER BY|LIMIT)\b/gm) ?? []).map((c) => c.trim());
    expect(clauses(compact)).toEqual(clauses(file));
  });
});

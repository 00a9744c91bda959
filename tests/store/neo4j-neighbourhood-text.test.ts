// The neighbourhood query as sent: only the blocks up to the asked hops, without comment lines
// or indentation (what Neo4j computes is unchanged: the blocks left out are guarded by
// `$hops >= N`; the Neo4j suites check the answers).
import { describe, expect, it } from 'vitest';
import { query } from '../../src/store/neo4j/cypher.ts';
import { neighbourhoodText } from '../../src/store/neo4j/neighbourhood.ts';

const FILE = query('read/neighbourhood').text;
const hopBlocks = (text: string) => [...text.matchAll(/\$hops >= (\d+)/g)].map((m) => Number(m[1]));

describe('neighbourhoodText', () => {
  it('keeps the blocks of hops 1 to N, in order, and everything outside the hop blocks', () => {
    const sample =
      '// head\nMATCH (s)\n// hop 1\n  A $hops >= 1\n// hop 2\n  B $hops >= 2\n// tail\nRETURN s // kept';
    expect(neighbourhoodText(sample, 1)).toBe('MATCH (s)\nA $hops >= 1\nRETURN s // kept');
    expect(neighbourhoodText(sample, 2)).toBe('MATCH (s)\nA $hops >= 1\nB $hops >= 2\nRETURN s // kept');
  });

  it('sends the file minus the hops beyond, each hop its own block, smaller for fewer hops', () => {
    expect(hopBlocks(FILE)).toEqual([1, 2, 3, 4]);
    const sizes = [1, 2, 3, 4].map((hops) => {
      const text = neighbourhoodText(FILE, hops);
      expect(hopBlocks(text)).toEqual(Array.from({ length: hops }, (_, i) => i + 1));
      expect(text).not.toMatch(/^\s*\/\//m);
      expect(text).toMatch(/RETURN \[n IN nodes \| properties\(n\)\] AS nodes, rels, truncated$/);
      return text.length;
    });
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(sizes[3]).toBeLessThan(FILE.length * 0.8);
  });
});

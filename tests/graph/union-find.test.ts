import { describe, expect, it } from 'vitest';
import { UnionFind } from '../../src/graph/union-find.ts';

describe('UnionFind', () => {
  it('has no groups before anything is added', () => {
    expect(new UnionFind().groups()).toEqual([]);
  });

  it('merges pairs into groups, sorted within and by first key', () => {
    const uf = new UnionFind();
    uf.union('d', 'e');
    uf.union('b', 'a');
    uf.union('e', 'f');
    uf.find('z');
    expect(uf.groups()).toEqual([['a', 'b'], ['d', 'e', 'f'], ['z']]);
    expect(uf.find('f')).toBe('d');
    expect(uf.find('b')).toBe(uf.find('a'));
    expect(uf.find('a')).not.toBe(uf.find('d'));
  });

  it('gives the same roots and groups whatever the order of unions', () => {
    const pairs: [string, string][] = [
      ['m', 'k'],
      ['x', 'y'],
      ['k', 'a'],
      ['y', 'm'],
    ];
    const forward = new UnionFind();
    const backward = new UnionFind();
    for (const [a, b] of pairs) forward.union(a, b);
    for (const [a, b] of [...pairs].reverse()) backward.union(b, a);
    expect(forward.groups()).toEqual([['a', 'k', 'm', 'x', 'y']]);
    expect(backward.groups()).toEqual(forward.groups());
    expect(forward.find('y')).toBe('a');
  });
});

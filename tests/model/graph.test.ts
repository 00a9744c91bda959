import { describe, expect, it } from 'vitest';
import { nodeKey, parseNodeKey, relId } from '../../src/model/index.ts';

describe('node keys', () => {
  it('round-trips a key whose id contains colons and big digits', () => {
    const ref = { label: 'Importer' as const, id: '00123456789012345678:A' };
    expect(parseNodeKey(nodeKey(ref))).toEqual(ref);
  });

  it('rejects an unknown label or a missing id', () => {
    expect(() => parseNodeKey('Villain:1')).toThrow(/Not a node key/);
    expect(() => parseNodeKey('Importer:')).toThrow(/Not a node key/);
    expect(() => parseNodeKey('nocolon')).toThrow(/Not a node key/);
  });

  it('derives the same relationship id from the same ends', () => {
    const a = { label: 'Shipment' as const, id: 'D1/1' };
    const b = { label: 'Importer' as const, id: 'I1' };
    expect(relId('IMPORTED_BY', a, b)).toBe(relId('IMPORTED_BY', { ...a }, { ...b }));
    expect(relId('IMPORTED_BY', a, b)).not.toBe(relId('DECLARED_BY', a, b));
  });
});

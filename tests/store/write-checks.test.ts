// The write checks every adapter applies: a relationship's id must be exactly relId() of its type
// and ends, whatever characters its ids hold (the check compares in place, piece by piece).
import { describe, expect, it } from 'vitest';
import { relId } from '../../src/model/index.ts';
import type { GraphRel, NodeRef, RelType } from '../../src/model/index.ts';
import { checkRel } from '../../src/store/write-checks.ts';
import { storeError } from './contract-helpers.ts';

const rel = (type: RelType, from: NodeRef, to: NodeRef, id = relId(type, from, to)): GraphRel => ({
  id,
  type,
  from,
  to,
  props: {},
});

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return null;
}

describe('checkRel', () => {
  const shipment: NodeRef = { label: 'Shipment', id: 'D1/1' };
  const importer: NodeRef = { label: 'Importer', id: 'IM-1' };

  it('accepts the id relId derives, even when ids hold the separators', () => {
    for (const [from, to] of [
      [shipment, importer],
      [
        { label: 'Shipment', id: 'a|Importer:b' },
        { label: 'Importer', id: ':|' },
      ],
      [
        { label: 'Shipment', id: 'é😀' },
        { label: 'Importer', id: '0090071992547409931234' },
      ],
    ] as [NodeRef, NodeRef][]) {
      const r = rel('IMPORTED_BY', from, to);
      expect(checkRel(r)).toBe(r.id);
    }
  });

  it('rejects any id that differs from relId by one character, a piece or a separator', () => {
    const good = relId('IMPORTED_BY', shipment, importer);
    const wrong = [
      `${good}x`,
      good.slice(0, -1),
      good.replace('IMPORTED_BY', 'DECLARED_BY'),
      good.replace('|Shipment:', ':Shipment|'),
      good.replace('IM-1', 'IM-2'),
      good.replace('D1/1', 'D1/2'),
      relId('IMPORTED_BY', importer, shipment),
      `IMPORTED_BY|Shipment:D1/1|Importer:IM-1 `,
      '',
    ];
    for (const id of wrong) {
      expect(
        thrown(() => checkRel(rel('IMPORTED_BY', shipment, importer, id))),
        id,
      ).toEqual(storeError('invalid'));
    }
  });

  it('accepts an id exactly when it equals relId, over ids made of the separators', () => {
    // A small alphabet with both separators makes pieces that shift across the boundaries.
    const alphabet = ['a', '|', ':', 'Importer', 'Shipment'];
    const ids = [''];
    for (let round = 0; round < 2; round += 1) {
      for (const id of [...ids]) for (const c of alphabet) ids.push(id + c);
    }
    let accepted = 0;
    for (const fromId of ids.filter((id) => id !== '').slice(0, 12)) {
      for (const toId of ids.filter((id) => id !== '').slice(0, 12)) {
        const from: NodeRef = { label: 'Shipment', id: fromId };
        const to: NodeRef = { label: 'Importer', id: toId };
        for (const candidateFrom of ids.slice(1, 8)) {
          const candidate = relId('IMPORTED_BY', { label: 'Shipment', id: candidateFrom }, to);
          const outcome = thrown(() => checkRel(rel('IMPORTED_BY', from, to, candidate)));
          if (candidate === relId('IMPORTED_BY', from, to)) {
            expect(outcome).toBeNull();
            accepted += 1;
          } else expect(outcome).toEqual(storeError('invalid'));
        }
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });
});

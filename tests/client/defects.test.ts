// The explorer's pure answers to its "wrong or misleading" defects: one money format with the
// data's currency (and detection's figures restated in it), a refused form's fields by their
// labels, the rings list's order and filters, and a case's access decided as the server decides.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/api/roles.ts';
import type { RingSummary } from '../../src/api/index.ts';
import { caseAccess as serverCaseAccess } from '../../server/services/case-access.ts';
import { ApiError } from '../../client/src/api/http.ts';
import { formatMoney, restateMoney } from '../../client/src/format.ts';
import { currencyOf } from '../../client/src/money.tsx';
import { caseAccess } from '../../client/src/panels/cases/access.ts';
import { refusalOf } from '../../client/src/panels/cases/refusal.ts';
import { DEFAULT_RING_VIEW, shownRings, typologiesOf } from '../../client/src/panels/rings/order.ts';
import { party, shipment } from './fixtures.ts';

describe('money', () => {
  it('formats whole units with the currency, or compact where space is short', () => {
    expect(formatMoney(7427.4, 'EUR')).toBe('€7,427');
    expect(formatMoney(4_477_329, 'EUR', { compact: true })).toBe('€4.5M');
    expect(formatMoney(30_500, 'USD', { compact: true })).toBe('$30.5K');
    expect(formatMoney(1_500_000, 'KRW')).toBe('₩1,500,000');
    expect(formatMoney(7380, null)).toBe('7,380');
  });

  it("restates detection's figures in the same format; a ring's own figure replaces a stale one", () => {
    const explanation =
      '6 of their 12 declaration lines left the duty unpaid (6564); estimated revenue at risk 7380';
    expect(restateMoney(explanation, 'EUR')).toBe(
      '6 of their 12 declaration lines left the duty unpaid (€6,564); estimated revenue at risk €7,380',
    );
    expect(restateMoney(explanation, 'EUR', 7427)).toContain('estimated revenue at risk €7,427');
    expect(restateMoney('estimated revenue at risk 30.5 k', 'EUR')).toBe('estimated revenue at risk €30,500');
    expect(restateMoney('estimated revenue at risk 1.5 M; and more', 'EUR')).toBe(
      'estimated revenue at risk €1,500,000; and more',
    );
    expect(restateMoney('no money here (12)', 'EUR')).toBe('no money here (12)');
  });

  it("reads the currency from a declaration line's properties only", () => {
    expect(currencyOf({ ...shipment('D/1', '2024-01-01', '61'), props: { currency: 'EUR' } })).toBe('EUR');
    expect(currencyOf({ ...shipment('D/1', '2024-01-01', '61'), props: { currency: 'euro' } })).toBeNull();
    expect(currencyOf({ ...party('Importer:A'), props: { currency: 'EUR' } })).toBeNull();
  });
});

describe('a refused form', () => {
  const refused = new ApiError(400, {
    code: 'invalid_request',
    message: 'The request body is invalid; see issues',
    requestId: 'req-1',
    issues: [{ path: 'declarationIds.0', message: 'a declaration line as declarationId/line' }],
  });

  it('names each refused field by its label and marks it', () => {
    expect(refusalOf(refused, { declarationIds: 'Declaration lines' })).toEqual({
      message: 'Declaration lines: a declaration line as declarationId/line (request req-1)',
      fields: ['declarationIds'],
    });
  });

  it('keeps the path of a field the form does not know, and the message of any other failure', () => {
    expect(refusalOf(refused, {}).message).toBe(
      'declarationIds.0: a declaration line as declarationId/line (request req-1)',
    );
    expect(refusalOf(new Error('offline'), {})).toEqual({ message: 'offline', fields: [] });
  });
});

const ring = (id: string, typology: string, priority: number, revenueAtRisk: number, memberCount: number) =>
  ({
    id,
    typology,
    priority,
    revenueAtRisk,
    memberCount,
    score: 0.5,
    explanation: `about ${id}`,
  }) as RingSummary;

describe('the rings list', () => {
  const rings = [
    ring('R-a', 'phoenix', 3, 100, 4),
    ring('R-b', 'broker_centred', 4, 50, 9),
    ring('R-c', 'phoenix', 1, 900, 2),
  ];
  const ids = (list: RingSummary[]) => list.map((r) => r.id);

  it('sorts by priority by default, and by revenue or size, largest first', () => {
    expect(ids(shownRings(rings, DEFAULT_RING_VIEW))).toEqual(['R-b', 'R-a', 'R-c']);
    expect(ids(shownRings(rings, { ...DEFAULT_RING_VIEW, sort: 'revenue' }))).toEqual(['R-c', 'R-a', 'R-b']);
    expect(ids(shownRings(rings, { ...DEFAULT_RING_VIEW, sort: 'members' }))).toEqual(['R-b', 'R-a', 'R-c']);
  });

  it('filters by typology and by text in the id, typology or explanation', () => {
    expect(ids(shownRings(rings, { ...DEFAULT_RING_VIEW, typology: 'phoenix' }))).toEqual(['R-a', 'R-c']);
    expect(ids(shownRings(rings, { ...DEFAULT_RING_VIEW, text: 'BROKER' }))).toEqual(['R-b']);
    expect(ids(shownRings(rings, { ...DEFAULT_RING_VIEW, text: 'about r-c' }))).toEqual(['R-c']);
    expect(shownRings(rings, { ...DEFAULT_RING_VIEW, text: 'nothing' })).toEqual([]);
    expect(typologiesOf(rings)).toEqual(['phoenix', 'broker_centred']);
  });
});

describe("a case's access", () => {
  it('is what the server decides, for every role, relation and visibility', () => {
    for (const role of ROLES)
      for (const visibility of ['team', 'restricted'] as const)
        for (const [owner, assignee] of [
          ['me', null],
          ['other', 'me'],
          ['other', null],
          ['other', 'third'],
        ] as const) {
          const user = { username: 'me', role };
          const facts = { id: 'C-000000000001', visibility, owner, assignee };
          const server = serverCaseAccess(
            { ...user, disabled: false, createdAt: '', mustChangePassword: false },
            facts,
          );
          expect(caseAccess(user, facts), `${role} ${visibility} ${owner}/${assignee}`).toBe(server);
        }
  });

  it('lets an officer only read a team case of someone else', () => {
    expect(
      caseAccess(
        { username: 'officer', role: 'case_officer' },
        { visibility: 'team', owner: 'admin', assignee: null },
      ),
    ).toBe('read');
  });
});

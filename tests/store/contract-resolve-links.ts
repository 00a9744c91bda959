// Contract: entity-resolution links. Candidates are upserted by pair (the review kept), listed
// by (score desc, id), filtered and paged; a review accepts (SAME_AS) or rejects, and a later
// one undoes it; the parties, the counts, traversals and streams are never touched.
import { describe, expect, it } from 'vitest';
import type { ResolveCandidateInput } from '../../src/model/index.ts';
import { resolveLinkId } from '../../src/store/resolve-links.ts';
import type { UseStore } from './contract.ts';
import { storeError } from './contract-helpers.ts';
import { IDS, loadFixture } from './fixture.ts';

const acmePair: ResolveCandidateInput = {
  a: IDS.acmeTrading,
  b: IDS.acmeImports,
  aName: 'ACME Trading Co Ltd',
  bName: 'Acme Imports',
  score: 0.91,
  weight: 3.3,
  evidence: ['names 0.81 similar', 'same phone'],
};
const peoplePair: ResolveCandidateInput = {
  a: IDS.jane,
  b: IDS.john,
  aName: 'Jane Doe',
  bName: 'John Doe',
  score: 0.97,
  weight: 5.1,
  evidence: ['same address'],
};
const at = '2026-12-07T23:00:00.000Z';

export function describeResolveLinks(use: UseStore): void {
  describe('resolution links', () => {
    it('stores candidates open, listed by score, and upserts by pair keeping the review', async () => {
      const { store } = use();
      await loadFixture(store);
      const counts = await store.counts();
      expect(await store.writeResolveCandidates([acmePair, peoplePair])).toEqual({ written: 2 });
      const acmeId = resolveLinkId(IDS.acmeTrading, IDS.acmeImports);
      const open = { status: 'open', reviewedBy: null, reviewedAt: null };
      expect(await store.listResolveLinks({ offset: 0, limit: 10 })).toEqual({
        links: [
          { id: resolveLinkId(IDS.jane, IDS.john), ...peoplePair, ...open },
          { id: acmeId, ...acmePair, ...open },
        ],
        total: 2,
      });
      await store.reviewResolveLink(acmeId, { decision: 'rejected', by: 'ines', at });
      await store.writeResolveCandidates([{ ...acmePair, score: 0.99, evidence: ['same phone'] }]);
      const { links } = await store.listResolveLinks({ offset: 0, limit: 1 });
      expect(links).toEqual([
        {
          id: acmeId,
          ...acmePair,
          score: 0.99,
          evidence: ['same phone'],
          status: 'rejected',
          reviewedBy: 'ines',
          reviewedAt: at,
        },
      ]);
      // Links are not part of the graph: counts, neighbourhoods and streams are unchanged.
      expect(await store.counts()).toEqual(counts);
      const around = await store.neighbourhood({ start: IDS.acmeTrading, hops: 1, limit: 50 });
      expect(around.rels.filter((r) => r.type === 'POSSIBLY_SAME_AS' || r.type === 'SAME_AS')).toEqual([]);
      const streamed = [];
      for await (const rel of store.streamRels(['POSSIBLY_SAME_AS', 'SAME_AS'])) streamed.push(rel);
      expect(streamed).toEqual([]);
    });

    it('filters by status and minimum score and pages after counting', async () => {
      const { store } = use();
      await loadFixture(store);
      await store.writeResolveCandidates([acmePair, peoplePair]);
      const peopleId = resolveLinkId(IDS.jane, IDS.john);
      await store.reviewResolveLink(peopleId, { decision: 'accepted', by: 'ines', at });
      const ids = async (q: Parameters<typeof store.listResolveLinks>[0]) => {
        const page = await store.listResolveLinks(q);
        return [page.links.map((l) => l.id), page.total];
      };
      const acmeId = resolveLinkId(IDS.acmeTrading, IDS.acmeImports);
      expect(await ids({ status: 'open', offset: 0, limit: 10 })).toEqual([[acmeId], 1]);
      expect(await ids({ status: 'accepted', offset: 0, limit: 10 })).toEqual([[peopleId], 1]);
      expect(await ids({ status: 'rejected', offset: 0, limit: 10 })).toEqual([[], 0]);
      expect(await ids({ minScore: 0.95, offset: 0, limit: 10 })).toEqual([[peopleId], 1]);
      expect(await ids({ offset: 1, limit: 1 })).toEqual([[acmeId], 2]);
      expect(await ids({ offset: 0, limit: 0 })).toEqual([[], 2]);
    });

    it('makes an accepted pair SAME_AS, and a rejection or reversal undoes it', async () => {
      const { store } = use();
      await loadFixture(store);
      await store.writeResolveCandidates([acmePair, peoplePair]);
      const acmeId = resolveLinkId(IDS.acmeTrading, IDS.acmeImports);
      expect(await store.sameAsPairs()).toEqual([]);
      const accepted = await store.reviewResolveLink(acmeId, { decision: 'accepted', by: 'ines', at });
      expect(accepted).toMatchObject({ id: acmeId, status: 'accepted', reviewedBy: 'ines', reviewedAt: at });
      await store.reviewResolveLink(resolveLinkId(IDS.jane, IDS.john), {
        decision: 'accepted',
        by: 'ines',
        at,
      });
      // By (a, b) node key: Importer:… before Person:….
      expect(await store.sameAsPairs()).toEqual([
        [IDS.acmeTrading, IDS.acmeImports],
        [IDS.jane, IDS.john],
      ]);
      const later = '2026-12-08T09:00:00.000Z';
      const reversed = await store.reviewResolveLink(acmeId, { decision: 'rejected', by: 'omar', at: later });
      expect(reversed).toMatchObject({ status: 'rejected', reviewedBy: 'omar', reviewedAt: later });
      expect(await store.sameAsPairs()).toEqual([[IDS.jane, IDS.john]]);
      // Both parties are still there, as they were.
      expect((await store.getNodes([IDS.acmeTrading, IDS.acmeImports])).length).toBe(2);
    });

    it('reopens a reviewed pair: open again, no longer SAME_AS, who and when kept', async () => {
      const { store } = use();
      await loadFixture(store);
      await store.writeResolveCandidates([acmePair]);
      const acmeId = resolveLinkId(IDS.acmeTrading, IDS.acmeImports);
      await store.reviewResolveLink(acmeId, { decision: 'accepted', by: 'ines', at });
      expect(await store.sameAsPairs()).toEqual([[IDS.acmeTrading, IDS.acmeImports]]);
      const later = '2026-12-08T10:00:00.000Z';
      const reopened = await store.reviewResolveLink(acmeId, { decision: 'open', by: 'omar', at: later });
      expect(reopened).toMatchObject({ status: 'open', reviewedBy: 'omar', reviewedAt: later });
      expect(await store.sameAsPairs()).toEqual([]);
      const open = await store.listResolveLinks({ status: 'open', offset: 0, limit: 10 });
      expect(open.links.map((l) => l.id)).toEqual([acmeId]);
      // Writing the candidates again keeps the reopened review, as it keeps any other.
      await store.writeResolveCandidates([acmePair]);
      expect((await store.listResolveLinks({ offset: 0, limit: 10 })).links[0]).toMatchObject({
        status: 'open',
        reviewedBy: 'omar',
      });
      await expect(
        store.reviewResolveLink(acmeId, { decision: 'merged' as 'open', by: 'omar', at: later }),
      ).rejects.toThrow(/decision must be accepted, rejected or open \(got merged\)/);
    });

    it('answers null for an unknown link', async () => {
      const { store } = use();
      expect(
        await store.reviewResolveLink('0123456789abcdef', { decision: 'accepted', by: 'ines', at }),
      ).toBeNull();
    });

    it('refuses a candidate naming a missing party, two labels, or an unordered pair', async () => {
      const { store } = use();
      await loadFixture(store);
      await expect(
        store.writeResolveCandidates([{ ...acmePair, b: { label: 'Importer', id: 'IM-404' } }]),
      ).rejects.toThrow(/Resolution candidate 0: party Importer:IM-404 is not in the store/);
      await expect(store.writeResolveCandidates([{ ...acmePair, b: IDS.broker }])).rejects.toEqual(
        storeError('invalid'),
      );
      await expect(
        store.writeResolveCandidates([peoplePair, { ...acmePair, a: IDS.acmeImports, b: IDS.acmeTrading }]),
      ).rejects.toThrow(/Resolution candidate 1: .*a must come before b/);
      expect(await store.listResolveLinks({ offset: 0, limit: 10 })).toEqual({ links: [], total: 0 });
    });
  });
}

// Entity-resolution candidates as the API lists and reviews them: an investigator accepts a
// pair (the projection then treats it as one party), rejects it, or reopens a reviewed one (open
// again, two parties again); each undoes an earlier review. Who and when are recorded on the link and in the audit trail (by the route). A
// review changes the findings at the next detection run, which projects accepted pairs as one.
import type { ResolveCandidatesAnswer, ResolveCandidatesQuery } from '../../src/api/resolve.ts';
import type { ResolveDecision, ResolveLink } from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { notFound } from '../http/errors.ts';

export class ResolveCandidates {
  constructor(
    private readonly store: Pick<GraphStore, 'listResolveLinks' | 'reviewResolveLink'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A page of candidates, best first, filtered by status and minimum score. */
  async list(query: ResolveCandidatesQuery): Promise<ResolveCandidatesAnswer> {
    const { links, total } = await this.store.listResolveLinks(query);
    return { candidates: links, total };
  }

  /** Records the decision; 404 for an unknown candidate. */
  async review(id: string, decision: ResolveDecision, username: string): Promise<ResolveLink> {
    const link = await this.store.reviewResolveLink(id, {
      decision,
      by: username,
      at: this.now().toISOString(),
    });
    if (!link) throw notFound(`resolution candidate ${id}`);
    return link;
  }
}

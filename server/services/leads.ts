// Leads on parties from the last detection run, as the API lists them.
import type { LeadsAnswer } from '../../src/api/leads.ts';
import type { LeadQuery } from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';

export class Leads {
  constructor(private readonly store: Pick<GraphStore, 'listLeads'>) {}

  /** A page of leads, best first, filtered by detector and minimum score. */
  list(query: LeadQuery): Promise<LeadsAnswer> {
    return this.store.listLeads(query);
  }
}

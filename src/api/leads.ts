// The leads answer of the API: ranked leads on parties from the last detection run (guilt by
// association, centrality), each with its reason and the seizure path that explains it. A lead
// is where to look, not a ring; rings another detector found name the leads they corroborate.
import { z } from 'zod';
import { Lead, LeadQuery } from '../model/index.ts';

export { Lead, LeadQuery };

export const LeadsAnswer = z.strictObject({
  leads: z.array(Lead),
  /** Leads matching the filters, before limit and offset. */
  total: z.number().int().nonnegative(),
});
export type LeadsAnswer = z.infer<typeof LeadsAnswer>;

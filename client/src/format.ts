// Number and date formatting shared by the panels, and whether a role may change an area (the
// server's own policy lists, from the shared API module).
import { allows, INSPECTION_WRITERS, Role, type Policy } from '../../src/api/roles.ts';

export { canWrite } from '../../src/api/roles.ts';

const roleIn = (policy: Policy, role: string): boolean => {
  const parsed = Role.safeParse(role);
  return parsed.success && allows(policy, parsed.data);
};

/** Whether the role may record inspection results (the server's INSPECTION_WRITERS). */
export const mayRecordInspections = (role: string): boolean => roleIn(INSPECTION_WRITERS, role);
/** Whether the role may add and remove watch-list entries (the server's policy for them). */
export const mayEditWatchList = (role: string): boolean => roleIn(INSPECTION_WRITERS, role);

const money = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export const formatMoney = (value: number): string => money.format(value);
export const formatCompact = (value: number): string => compact.format(value);
export const formatScore = (score: number): string => score.toFixed(2);
export const typologyTitle = (typology: string): string => typology.replaceAll('_', ' ');

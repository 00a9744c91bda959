// Number and date formatting shared by the panels, and whether a role may change an area (the
// server's own policy lists, from the shared API module).
export { canWrite } from '../../src/api/roles.ts';

const money = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export const formatMoney = (value: number): string => money.format(value);
export const formatCompact = (value: number): string => compact.format(value);
export const formatScore = (score: number): string => score.toFixed(2);
export const typologyTitle = (typology: string): string => typology.replaceAll('_', ' ');

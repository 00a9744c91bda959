// Number and date formatting shared by the panels.
const money = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export const formatMoney = (value: number): string => money.format(value);
export const formatCompact = (value: number): string => compact.format(value);
export const formatScore = (score: number): string => score.toFixed(2);
export const typologyTitle = (typology: string): string => typology.replaceAll('_', ' ');

export function canWrite(role: string, area: 'cases' | 'exports' | 'jobs'): boolean {
  if (role === 'admin') return true;
  if (area === 'cases') return role === 'case_officer';
  if (area === 'exports') return role === 'enforcement';
  return false;
}

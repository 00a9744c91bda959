// Number and date formatting shared by the panels, and whether a role may change an area (the
// server's own policy lists, from the shared API module). Money has one formatter: every amount
// the explorer shows goes through formatMoney, with the data's currency.
export { canWrite } from '../../src/api/roles.ts';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const formatters = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string | null, isCompact: boolean): Intl.NumberFormat {
  const name = `${currency ?? ''}|${isCompact}`;
  let format = formatters.get(name);
  if (!format) {
    format = new Intl.NumberFormat('en', {
      ...(currency ? { style: 'currency', currency } : {}),
      ...(isCompact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
    });
    formatters.set(name, format);
  }
  return format;
}

/**
 * An amount in `currency` (an ISO 4217 code; null when the data names none): whole units with
 * thousands separators ("€7,427"), or `compact` where space is short ("€2.6M").
 */
export function formatMoney(
  value: number,
  currency: string | null,
  options: { compact?: boolean } = {},
): string {
  return moneyFormat(currency, options.compact ?? false).format(value);
}

export const formatCompact = (value: number): string => compact.format(value);
export const formatScore = (score: number): string => score.toFixed(2);
export const typologyTitle = (typology: string): string => typology.replaceAll('_', ' ');

/** An amount as detection writes it into explanations: 950, 12.4 k, 1.2 M, 3.1 bn. */
const AMOUNT = String.raw`(\d+(?:\.\d+)?)(?: (k|M|bn)\b)?`;
/** The places detection states money: the ring's revenue at risk, and a phoenix chain's unpaid duty. */
const REVENUE = new RegExp(String.raw`revenue at risk ${AMOUNT}`, 'g');
const UNPAID = new RegExp(String.raw`duty unpaid \(${AMOUNT}\)`, 'g');
const SCALE: Record<string, number> = { k: 1e3, M: 1e6, bn: 1e9 };
const stated = (amount: string, scale: string | undefined): number =>
  Number(amount) * (scale ? (SCALE[scale] ?? 1) : 1);

/**
 * Text from detection with its money in the explorer's own format. `revenueAtRisk` replaces every
 * stated revenue figure (a ring's explanation may state an older one than the ring's own).
 */
export function restateMoney(text: string, currency: string | null, revenueAtRisk?: number): string {
  return text
    .replace(
      REVENUE,
      (_, amount: string, scale?: string) =>
        `revenue at risk ${formatMoney(revenueAtRisk ?? stated(amount, scale), currency)}`,
    )
    .replace(
      UNPAID,
      (_, amount: string, scale?: string) => `duty unpaid (${formatMoney(stated(amount, scale), currency)})`,
    );
}

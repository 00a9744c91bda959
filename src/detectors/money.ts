// Amounts as people read them in explanations: 950, 12.4 k, 1.2 M, 3.1 bn.
export function formatMoney(amount: number): string {
  const abs = Math.abs(amount);
  if (abs >= 1e9) return `${(amount / 1e9).toFixed(1)} bn`;
  if (abs >= 1e6) return `${(amount / 1e6).toFixed(1)} M`;
  if (abs >= 1e4) return `${(amount / 1e3).toFixed(1)} k`;
  return String(Math.round(amount));
}

// English phrasing for indicator descriptions: percentages, counted nouns, lists and ids.

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

const NOUNS: Record<string, [string, string]> = {
  Importer: ['importer', 'importers'],
  Consignee: ['consignee', 'consignees'],
  Broker: ['broker', 'brokers'],
  Supplier: ['supplier', 'suppliers'],
  Person: ['person', 'people'],
  Address: ['address', 'addresses'],
  Phone: ['phone', 'phones'],
  Email: ['e-mail', 'e-mails'],
  BankAccount: ['bank account', 'bank accounts'],
};
const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "one address", "two phones", "12 importers". */
export function countOf(n: number, label: string, spell = true): string {
  const [one, many] = NOUNS[label] ?? [label, `${label}s`];
  const number = spell && n < SMALL.length ? SMALL[n]! : String(n);
  return `${number} ${n === 1 ? one : many}`;
}

/** "4 importers and 1 person" for a list of node keys. */
export function describeParties(keys: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const key of keys) {
    const label = key.slice(0, key.indexOf(':'));
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return listing([...counts].map(([label, n]) => countOf(n, label, false))) || 'no parties';
}

/** "a", "a and b", "a, b and c". */
export function listing(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The id part of a node key (`Importer:IM-1` → `IM-1`). */
export function idOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

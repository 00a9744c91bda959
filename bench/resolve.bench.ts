// Entity resolution's time as the registry grows: synthetic firms (the seeded generator's names,
// addresses, phones, e-mails and accounts) at 10k, 25k and 50k parties, time per 10k parties,
// and the time a 500,000-party registry would take if the work stays linear (goal: under 60 s).
import { Rng } from '../src/model/rng.ts';
import { resolveParties } from '../src/resolve/resolve.ts';
import type { PartyRecord } from '../src/resolve/records.ts';
import { bankAccount, companyName, emailFor, phoneNumber, streetAddress } from '../seed/names.ts';
import { normaliseIdentifier } from '../src/model/index.ts';
import { writeResults } from './results.ts';

const SIZES = (process.env.RESOLVE_BENCH_SIZES ?? '10000,25000,50000').split(',').map(Number);
const GOAL = { parties: 500_000, seconds: 60 };

function firms(n: number, seed: number): PartyRecord[] {
  const rng = new Rng(seed);
  const out: PartyRecord[] = [];
  for (let i = 0; i < n; i++) {
    const country = rng.pick(['NL', 'BE', 'DE']);
    const name = companyName(rng, country);
    const norm = (label: 'Address' | 'Phone' | 'Email' | 'BankAccount', raw: string) =>
      rng.chance(0.7) ? [normaliseIdentifier(label, raw) ?? ''] : [];
    out.push({
      label: rng.pick(['Importer', 'Consignee', 'Supplier'] as const),
      id: `F-${i}`,
      name,
      country,
      addresses: norm('Address', streetAddress(rng, country)),
      phones: norm('Phone', phoneNumber(rng, country)),
      emails: norm('Email', emailFor(rng, name, country)),
      accounts: norm('BankAccount', bankAccount(rng, country)),
      directors: [],
    });
  }
  return out;
}

export async function run(): Promise<void> {
  const rows = [];
  for (const n of SIZES) {
    const records = firms(n, 42);
    const start = performance.now();
    const result = resolveParties(records, { minScore: 0.9 });
    const seconds = (performance.now() - start) / 1000;
    rows.push({
      parties: n,
      comparedPairs: result.comparedPairs,
      candidates: result.candidates.length,
      seconds,
    });
    console.log(
      `${n} parties: ${result.comparedPairs} pairs compared, ${result.candidates.length} candidates, ` +
        `${seconds.toFixed(2)} s (${((seconds / n) * 10_000).toFixed(2)} s per 10k parties)`,
    );
  }
  const last = rows[rows.length - 1]!;
  const projected = (last.seconds / last.parties) * GOAL.parties;
  console.log(
    `projected for ${GOAL.parties} parties (linear from ${last.parties}): ${projected.toFixed(0)} s (goal < ${GOAL.seconds} s)`,
  );
  await writeResults('resolve', { sizes: rows, projectedSeconds: projected, goal: GOAL });
}

// Entity resolution scored against planted duplicates (variants.json, written by `ringscope seed
// --variants`): pairwise precision and recall of the candidates, beside the baseline of pairing
// parties whose normalised names are exactly equal.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { nodeKey } from '../model/index.ts';
import { normaliseName } from '../resolve/normalise.ts';
import type { PartyRecord } from '../resolve/records.ts';

export const VariantsTruth = z.object({
  version: z.literal(1),
  share: z.number(),
  seed: z.number(),
  pairs: z.array(z.object({ original: z.string(), duplicate: z.string(), changes: z.array(z.string()) })),
});
export type VariantsTruth = z.infer<typeof VariantsTruth>;

export async function readVariants(file: string): Promise<VariantsTruth> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `eval: --resolve: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  const parsed = VariantsTruth.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `eval: --resolve: ${file} is not a variants.json (${parsed.error.issues[0]?.message ?? ''})`,
    );
  return parsed.data;
}

export interface PairScore {
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

function score(predicted: Iterable<string>, truth: Set<string>): PairScore {
  let n = 0;
  let correct = 0;
  for (const p of predicted) {
    n++;
    if (truth.has(p)) correct++;
  }
  return {
    predicted: n,
    correct,
    precision: n === 0 ? 1 : correct / n,
    recall: truth.size === 0 ? 1 : correct / truth.size,
  };
}

/** Pairs of parties of one label whose normalised names (legal forms dropped) are equal. */
export function exactNamePairs(records: readonly PartyRecord[]): Set<string> {
  const groups = new Map<string, string[]>();
  for (const r of records) {
    const text = normaliseName(r.name).text;
    if (text === '') continue;
    const key = `${r.label}|${text}`;
    const list = groups.get(key) ?? [];
    list.push(nodeKey(r));
    groups.set(key, list);
  }
  const out = new Set<string>();
  for (const list of groups.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) out.add(pairKey(list[i]!, list[j]!));
  return out;
}

export interface ResolutionReport {
  truePairs: number;
  resolve: PairScore;
  exactName: PairScore;
}

export function scoreResolution(
  truth: VariantsTruth,
  candidates: readonly { a: string; b: string }[],
  records: readonly PartyRecord[],
): ResolutionReport {
  const pairs = new Set(truth.pairs.map((p) => pairKey(p.original, p.duplicate)));
  return {
    truePairs: pairs.size,
    resolve: score(
      candidates.map((c) => pairKey(c.a, c.b)),
      pairs,
    ),
    exactName: score(exactNamePairs(records), pairs),
  };
}

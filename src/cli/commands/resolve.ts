// `ringscope resolve`: candidate matches between parties of one kind (and between people) in
// the store, with their score and evidence; `ringscope eval --resolve FILE` measures them
// against a seeded world's planted duplicates.
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { loadParties } from '../../resolve/load.ts';
import { writeCandidateLinks } from '../../resolve/links.ts';
import { resolveParties, type ResolveResult } from '../../resolve/resolve.ts';
import { readVariants, scoreResolution, type ResolutionReport } from '../../eval/resolution.ts';
import { progressReporter } from '../progress.ts';
import { globalOptions, withStore, type GlobalOptions } from './store-options.ts';

const Flags = z.object({
  minScore: z.coerce.number().gt(0, 'a probability in (0, 1]').max(1, 'a probability in (0, 1]'),
  top: z.coerce.number().int().min(0).max(100_000),
  out: z.string().min(1).optional(),
  write: z.boolean().optional(),
});

function parseFlags(command: Command): z.infer<typeof Flags> {
  const parsed = Flags.safeParse(command.opts());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new Error(
      `resolve: --${flag}: ${issue?.message ?? 'invalid'} (got ${JSON.stringify(command.opts()[String(issue?.path[0])])})`,
    );
  }
  return parsed.data;
}

/** Loads the store's parties and resolves them, with progress on stderr; `write` stores them. */
async function run(global: GlobalOptions, minScore: number, write = false) {
  const started = performance.now();
  return withStore(global, async (store) => {
    const records = await loadParties(store);
    const loaded = performance.now();
    let bar = progressReporter('pairs compared', Boolean(global.json));
    const result = resolveParties(records, { minScore }, (phase, done, total) => {
      if (phase === 'comparing') bar.update(done, total);
      else if (phase === 'estimating' && done === 0) {
        bar.stop();
        bar = progressReporter('', Boolean(global.json));
      }
    });
    bar.stop();
    const seconds = { load: (loaded - started) / 1000, resolve: (performance.now() - loaded) / 1000 };
    if (write) {
      const stored = progressReporter('candidates stored', Boolean(global.json));
      await writeCandidateLinks(store, result.candidates, (done, total) => stored.update(done, total));
      stored.stop();
    }
    return { records, result, seconds };
  });
}

function summary(
  result: ResolveResult,
  seconds: { load: number; resolve: number },
  top: number,
  stored: number,
) {
  return {
    parties: result.parties,
    comparedPairs: result.comparedPairs,
    candidates: result.candidates.length,
    /** Candidates stored as POSSIBLY_SAME_AS links (--write). */
    stored,
    lambda: result.model.lambda,
    emIterations: result.model.iterations,
    seconds: { load: round(seconds.load), resolve: round(seconds.resolve) },
    top: result.candidates.slice(0, top),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

function formatSummary(s: ReturnType<typeof summary>): string {
  const lines = [
    `${s.parties} parties, ${s.comparedPairs} pairs compared, ${s.candidates} candidates ` +
      `(load ${s.seconds.load} s, resolve ${s.seconds.resolve} s; EM ${s.emIterations} iterations, λ ${s.lambda.toFixed(4)})`,
  ];
  if (s.stored > 0) lines.push(`${s.stored} candidates stored as POSSIBLY_SAME_AS links for review`);
  for (const c of s.top)
    lines.push(
      `${c.score.toFixed(3)}  ${c.a} "${c.aName}"  ~  ${c.b} "${c.bName}"\n       ${c.evidence.join(', ')}`,
    );
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('resolve')
    .description(
      'candidate matches between parties of one kind (and between people), scored, with their evidence',
    )
    .option('--min-score <p>', 'smallest match probability listed', '0.5')
    .option('--top <n>', 'candidates printed', '20')
    .option('--out <file>', 'write every candidate as JSON to this file')
    .option(
      '--write',
      'store the candidates as POSSIBLY_SAME_AS links for review (again: updated, reviews kept)',
    )
    .action(async (_opts: unknown, command: Command) => {
      const flags = parseFlags(command);
      const global = globalOptions(command);
      const { result, seconds } = await run(global, flags.minScore, flags.write);
      if (flags.out)
        await writeFile(
          flags.out,
          JSON.stringify({ fields: result.fields, model: result.model, candidates: result.candidates }) +
            '\n',
        );
      const s = summary(result, seconds, flags.top, flags.write ? result.candidates.length : 0);
      process.stdout.write(global.json ? JSON.stringify(s) + '\n' : formatSummary(s));
    });
}

/** `eval --resolve FILE`: handled here when given; false otherwise (eval goes on). */
export async function resolveEvalCommand(command: Command): Promise<boolean> {
  const opts = command.opts<{ resolve?: string; minScore?: string }>();
  if (opts.resolve === undefined) return false;
  const minScore = Flags.shape.minScore.safeParse(opts.minScore ?? '0.5');
  if (!minScore.success)
    throw new Error(`eval: --min-score: a probability in (0, 1] (got ${JSON.stringify(opts.minScore)})`);
  const truth = await readVariants(opts.resolve);
  const global = globalOptions(command);
  const { records, result, seconds } = await run(global, minScore.data);
  const report = {
    ...scoreResolution(truth, result.candidates, records),
    parties: result.parties,
    comparedPairs: result.comparedPairs,
    seconds,
  };
  process.stdout.write(global.json ? JSON.stringify(report) + '\n' : formatResolution(report));
  return true;
}

function formatResolution(r: ResolutionReport & { parties: number; seconds: { resolve: number } }): string {
  const row = (name: string, s: ResolutionReport['resolve']) =>
    `${name.padEnd(22)} ${String(s.predicted).padStart(8)} ${String(s.correct).padStart(8)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}`;
  return (
    [
      `${r.parties} parties, ${r.truePairs} planted duplicate pairs, resolved in ${round(r.seconds.resolve)} s`,
      'method                    pairs  correct  precision  recall',
      row('resolve', r.resolve),
      row('exact normalised name', r.exactName),
    ].join('\n') + '\n'
  );
}

export function withResolveEvalOptions(command: Command): Command {
  return command
    .option(
      '--resolve <variants.json>',
      'entity resolution against the planted duplicates of `ringscope seed --variants`',
    )
    .option('--min-score <p>', 'with --resolve: smallest match probability counted as a match', '0.5');
}

// `ringscope seed`: writes a synthetic customs world with planted fraud rings and its truth.json.
import type { Command } from 'commander';
import { z } from 'zod';
import { generateInWorker } from '../../../seed/worker.ts';
import { WorldSize } from '../../../seed/sizes.ts';
import { progressReporter } from '../progress.ts';

const SeedOptions = z.object({
  size: WorldSize,
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  out: z.string().min(1),
});

export function register(program: Command): void {
  program
    .command('seed')
    .description(
      'generate a synthetic customs world with planted fraud rings (declarations.csv, entities.csv, truth.json)',
    )
    .option('--size <size>', 'tiny (≈2k lines), small (≈50k), medium (≈500k), large (≈5M)', 'small')
    .option('--seed <n>', 'random seed: the same seed gives the same files, byte for byte', '7')
    .option('--out <dir>', 'output folder', './data/world')
    .action(async (_opts: unknown, command: Command) => {
      const all = command.optsWithGlobals<{ size: string; seed: string; out: string; json?: boolean }>();
      const parsed = SeedOptions.safeParse(all);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(
          `seed: --${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid'} (sizes: ${WorldSize.options.join(', ')}; seed: an integer 0 … 4294967295)`,
        );
      }
      const { size, seed, out } = parsed.data;
      const progress = progressReporter('lines', Boolean(all.json));
      const started = performance.now();
      const result = await generateInWorker({ size, seed, outDir: out, onProgress: progress.update });
      progress.stop();
      const seconds = (performance.now() - started) / 1000;
      const { counts } = result.truth;
      const summary = {
        out,
        size,
        seed,
        files: {
          declarations: result.declarationsPath,
          entities: result.entitiesPath,
          truth: result.truthPath,
        },
        counts,
        rings: result.truth.rings.length,
        illicitShare: counts.lines === 0 ? 0 : counts.illicitLines / counts.lines,
        seconds: Math.round(seconds * 10) / 10,
        linesPerSecond: Math.round(counts.lines / Math.max(seconds, 1e-3)),
        /** Resident-set high-water mark of the process, MB. */
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      };
      if (all.json) {
        process.stdout.write(JSON.stringify(summary) + '\n');
      } else {
        process.stdout.write(
          `Wrote ${counts.lines} lines in ${counts.declarations} declarations, ${counts.entities} entities and ${summary.rings} planted rings ` +
            `(${(summary.illicitShare * 100).toFixed(2)}% illicit lines, ${counts.seizedLines} seized) to ${out} in ${summary.seconds} s (peak memory ${summary.peakRssMb} MB).\n`,
        );
      }
    });
}

// `ringscope eval`: scores the stored findings against a generated world's truth.json, or the
// community detector against public benchmark graphs with ground-truth communities.
import type { Command } from 'commander';
import { z } from 'zod';
import { readTruth } from '../../eval/truth.ts';
import { partition } from '../../detectors/communities.ts';
import { scoreCommunities, type CommunityReport } from '../../eval/community-benchmarks.ts';
import { readFindings } from '../../eval/findings.ts';
import { evaluate, formatReport, targetsNeeded } from '../../eval/report.ts';
import { PARTY_LABELS, NodeLabel } from '../../model/index.ts';
import { globalOptions, withStore } from './store-options.ts';
import { sweepCommand, withSweepOptions } from './eval-sweep.ts';
import { evalRisk } from './eval-risk.ts';
import { formatWorldRisk } from '../../eval/world-risk.ts';
import { resolveEvalCommand, withResolveEvalOptions } from './resolve.ts';

const EvalOptions = z
  .object({
    truth: z.string().min(1).optional(),
    communities: z.string().min(1).optional(),
    jaccard: z.coerce.number().gt(0).max(1),
    memberLabels: z.string().transform((s, ctx) => {
      const labels = s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const parsed = z.array(NodeLabel).min(1).safeParse(labels);
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: `expected labels among ${NodeLabel.options.join(', ')}, got ${JSON.stringify(s)}`,
        });
        return z.NEVER;
      }
      return parsed.data;
    }),
    seed: z.coerce.number().int(),
    json: z.boolean().optional(),
    risk: z.string().min(1).optional(),
  })
  .refine((o) => Boolean(o.truth) !== Boolean(o.communities), {
    message: 'give either --truth FILE or --communities DIR (one of them)',
  })
  .refine((o) => !o.risk || o.truth, { message: '--risk FILE needs --truth FILE (the world it came from)' });

export function register(program: Command): void {
  const evalCommand = program
    .command('eval')
    .description(
      'score detection against a truth.json (rings and line targets), community detection against benchmark graphs, or (--sweep) ring recovery as one world parameter varies',
    )
    .option(
      '--truth <file>',
      'truth.json written by `ringscope seed`; findings are read from the store (--db / --neo4j)',
    )
    .option(
      '--communities <dir>',
      'folder of NAME.edges / NAME.clusters pairs (as datasets/community-benchmarks): ' +
        'NMI and ARI of the community detector per graph',
    )
    .option(
      '--jaccard <x>',
      'member Jaccard similarity from which a reported ring recovers a planted one',
      '0.5',
    )
    .option(
      '--member-labels <labels>',
      'labels of the members compared, comma-separated',
      PARTY_LABELS.join(','),
    )
    .option('--seed <n>', 'random seed of the community detector (with --communities)', '1')
    .option(
      '--risk <declarations>',
      "with --truth: the world's declarations file; the learned risk model (trained on the older lines) " +
        "against the store's line targeting on the newest 20%",
    )
    .action(async (_opts: unknown, command: Command) => {
      if (await sweepCommand(command)) return;
      if (await resolveEvalCommand(command)) return;
      const parsed = EvalOptions.safeParse(command.optsWithGlobals());
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const flag = issue?.path[0]
          ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: `
          : '';
        throw new Error(`eval: ${flag}${issue?.message ?? 'invalid options'}`);
      }
      const o = parsed.data;
      if (o.communities) {
        const report = await scoreCommunities(
          o.communities,
          (graph) => new Map(Object.entries(partition(graph, { seed: o.seed }))),
        );
        process.stdout.write(o.json ? JSON.stringify(report) + '\n' : formatCommunities(report));
        return;
      }
      const truth = await readTruth(o.truth ?? '');
      if (o.risk) {
        const report = await evalRisk(command, truth, o.risk, {});
        process.stdout.write(o.json ? JSON.stringify(report) + '\n' : formatWorldRisk(report));
        return;
      }
      const findings = await withStore(globalOptions(command), (store) =>
        readFindings(store, targetsNeeded(truth)),
      );
      const report = evaluate(truth, findings, { jaccardThreshold: o.jaccard, memberLabels: o.memberLabels });
      process.stdout.write(o.json ? JSON.stringify(report) + '\n' : formatReport(report));
    });
  withSweepOptions(evalCommand);
  withResolveEvalOptions(evalCommand);
}

function formatCommunities(report: CommunityReport): string {
  const lines = ['graph            nodes   edges  communities (truth/found)    NMI     ARI'];
  for (const g of report.graphs) {
    lines.push(
      `${g.name.padEnd(14)} ${String(g.nodes).padStart(7)} ${String(g.edges).padStart(7)}  ${`${g.communitiesTruth}/${g.communitiesFound}`.padStart(25)}  ${g.nmi.toFixed(3)}  ${g.ari.toFixed(3).padStart(6)}`,
    );
  }
  return lines.join('\n') + '\n';
}

// `ringscope stats [--json]`: node counts by label, relationship counts by type, imported files.
import type { Command } from 'commander';
import { globalOptions, withStore } from './store-options.ts';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('node counts by label, relationship counts by type, imported files')
    .action(async (_opts: unknown, command: Command) => {
      const global = globalOptions(command);
      const { counts, imports } = await withStore(global, async (store) => ({
        counts: await store.counts(),
        imports: (await store.listImports()).length,
      }));
      if (global.json) {
        process.stdout.write(
          `${JSON.stringify({ nodes: counts.nodes, rels: counts.rels, imports }, null, 2)}\n`,
        );
        return;
      }
      const lines = ['nodes'];
      for (const [label, n] of Object.entries(counts.nodes))
        lines.push(`  ${label.padEnd(14)} ${n.toLocaleString('en').padStart(12)}`);
      lines.push('relationships');
      for (const [type, n] of Object.entries(counts.rels))
        lines.push(`  ${type.padEnd(14)} ${n.toLocaleString('en').padStart(12)}`);
      lines.push(`imported files ${imports}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

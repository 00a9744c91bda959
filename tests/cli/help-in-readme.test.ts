// The README's command summary and `ringscope --help` list the same commands: every command the
// help lists (and every sub-command of a command group) has a row in the summary, and every row
// names a command that exists, so the summary cannot drift from the program.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The names listed under "Commands:" in a commander help text, without `help`. */
function helpCommands(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z0-9-]*)/gm)]
    .map((m) => m[1]!)
    .filter((name) => name !== 'help');
}

/** Every command the program has, a group's sub-commands in place of the group ("user add"). */
async function programCommands(): Promise<string[]> {
  const top = await runCli(['--help']);
  expect(top.code).toBe(0);
  const commands: string[] = [];
  for (const name of helpCommands(top.stdout)) {
    const own = await runCli([name, '--help']);
    expect(own.code, `ringscope ${name} --help`).toBe(0);
    const subcommands = helpCommands(own.stdout);
    commands.push(...(subcommands.length > 0 ? subcommands.map((sub) => `${name} ${sub}`) : [name]));
  }
  return commands;
}

/** The commands of the README's "## Commands" table: the lower-case words after `ringscope`. */
function summaryCommands(text: string): string[] {
  const section = text.split(/^## Commands$/m)[1]?.split(/^## /m)[0] ?? '';
  const commands: string[] = [];
  for (const match of section.matchAll(/^\|\s*`ringscope ([^`]*)`/gm)) {
    const words: string[] = [];
    for (const word of match[1]!.split(' ')) {
      if (!/^[a-z][a-z0-9-]*$/.test(word)) break;
      words.push(word);
    }
    commands.push(words.join(' '));
  }
  return commands;
}

describe('the README command summary', () => {
  it('lists every command of `ringscope --help`, and only those', async () => {
    const program = await programCommands();
    const summary = summaryCommands(readme);
    expect(program.length).toBeGreaterThan(10);
    for (const command of program) expect(summary, `README row for ringscope ${command}`).toContain(command);
    for (const command of summary) expect(program, `ringscope ${command} in the help`).toContain(command);
    expect(new Set(summary).size, 'one row per command').toBe(summary.length);
  });

  it('reads command rows the way the summary writes them', () => {
    const text = [
      '## Commands',
      '| `ringscope ingest FILE… [--preset NAME]` | load |',
      '| `ringscope user add NAME --role ROLE` | add |',
      '| `ringscope eval --truth FILE` or `--communities DIR` | score |',
      '## Next',
      '| `ringscope elsewhere` | not in the summary |',
    ].join('\n');
    expect(summaryCommands(text)).toEqual(['ingest', 'user add', 'eval']);
  });
});

// The `ringscope` command line: global options, sub-commands, exit codes
// (0 success, 2 invalid input with a row report, 1 any other failure).
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.ts';
import { InputError } from '../ingest/errors.ts';

export function buildProgram(): Command {
  const program = new Command('ringscope')
    .description('Investigate customs fraud networks: ingest, detect, explain, target, export, serve.')
    .option('--db <path>', 'embedded store file', './data/ringscope.db')
    .option('--neo4j <uri>', 'use Neo4j at this Bolt URI (NEO4J_USER / NEO4J_PASSWORD from the environment)')
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`ringscope: ${error.message}\n`);
      for (const p of error.problems) {
        const where = [p.file, p.row ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null]
          .filter(Boolean)
          .join(', ');
        process.stderr.write(`  ${where}: [${p.code}] ${p.message}\n`);
      }
      if (error.total > error.problems.length) {
        process.stderr.write(`  … and ${error.total - error.problems.length} more problems\n`);
      }
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ringscope: ${message}\n`);
    return 1;
  }
}

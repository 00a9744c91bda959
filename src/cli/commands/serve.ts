// `ringscope serve`: the investigation API (and the explorer's files when built) on the store
// named by --db / --neo4j; configuration from RINGSCOPE_* variables, flags override them.
import type { Command } from 'commander';
import { loadConfig } from '../../../server/config.ts';
import { PIPELINES } from '../../../server/pipelines.ts';
import { closeOnSignal, serve } from '../../../server/serve.ts';

export interface ServeOptions {
  port?: string;
  host?: string;
  db?: string;
  neo4j?: string;
}

/** The environment with the flags given on the command line laid over it (defaults do not override). */
export function serverEnv(
  command: Command,
  extra: Record<string, string> = {},
): Record<string, string | undefined> {
  const options = command.optsWithGlobals<ServeOptions>();
  const given = (name: keyof ServeOptions) => {
    for (let c: Command | null = command; c; c = c.parent) {
      const source = c.getOptionValueSource(name);
      if (source !== undefined) return source === 'default' ? undefined : options[name];
    }
    return undefined;
  };
  const flags: Record<string, string | undefined> = {
    RINGSCOPE_PORT: given('port'),
    RINGSCOPE_HOST: given('host'),
    RINGSCOPE_DB: given('db'),
    RINGSCOPE_NEO4J_URI: given('neo4j'),
  };
  const env: Record<string, string | undefined> = { ...process.env };
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) env[k] = v;
  return { ...env, ...extra };
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the investigation API (and the explorer when client/dist exists)')
    .option('--port <port>', 'port to listen on (RINGSCOPE_PORT, default 8080)')
    .option('--host <host>', 'address to listen on (RINGSCOPE_HOST, default 127.0.0.1)')
    .action(async (_opts: unknown, command: Command) => {
      const config = loadConfig(serverEnv(command));
      const running = await serve(config, { pipelines: PIPELINES });
      for (const line of running.notices) process.stderr.write(`${line}\n`);
      process.stderr.write(`Ringscope API listening on ${running.url}\n`);
      await closeOnSignal(running);
    });
}

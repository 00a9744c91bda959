// `ringscope serve`: the investigation API (and the explorer's files when built) on the store
// named by --db / --neo4j; configuration from RINGSCOPE_* variables, flags override them.
import type { Command } from 'commander';
import { loadConfig } from '../../../server/config.ts';
import { closeOnSignal, serve } from '../../../server/serve.ts';
import { defaultPipelines } from '../../../server/pipelines.ts';

interface ServeOptions {
  port?: string;
  host?: string;
  db?: string;
  neo4j?: string;
}

export function serverEnv(options: ServeOptions, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    ...process.env,
    ...(options.port !== undefined ? { RINGSCOPE_PORT: options.port } : {}),
    ...(options.host !== undefined ? { RINGSCOPE_HOST: options.host } : {}),
    ...(options.db !== undefined ? { RINGSCOPE_DB: options.db } : {}),
    ...(options.neo4j !== undefined ? { RINGSCOPE_NEO4J_URI: options.neo4j } : {}),
    ...extra,
  };
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the investigation API (and the explorer when client/dist exists)')
    .option('--port <port>', 'port to listen on (RINGSCOPE_PORT, default 8080)')
    .option('--host <host>', 'address to listen on (RINGSCOPE_HOST, default 127.0.0.1)')
    .action(async (_opts: unknown, command: Command) => {
      const config = loadConfig(serverEnv(command.optsWithGlobals<ServeOptions>()));
      const running = await serve(config, { pipelines: await defaultPipelines() });
      for (const line of running.notices) process.stderr.write(`${line}\n`);
      process.stderr.write(`Ringscope API listening on ${running.url}\n`);
      await closeOnSignal(running);
    });
}

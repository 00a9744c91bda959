// `ringscope start` (= `npm start`): the demo. On an empty embedded store it seeds the small
// world, ingests it and runs detection; then it serves the API and the explorer in demo mode and
// prints the URL and the demo accounts. Later starts reuse the data.
import type { Command } from 'commander';
import { loadConfig } from '../../../server/config.ts';
import { prepareDemo } from '../../../server/demo.ts';
import { PIPELINES } from '../../../server/pipelines.ts';
import { closeOnSignal, serve } from '../../../server/serve.ts';
import { openStore } from '../../store/open.ts';
import { serverEnv } from './serve.ts';

export function register(program: Command): void {
  program
    .command('start')
    .description(
      'the demo: seed, ingest and detect on first start, then serve the explorer with demo accounts',
    )
    .option('--port <port>', 'port to listen on (RINGSCOPE_PORT, default 8080)')
    .option('--host <host>', 'address to listen on (RINGSCOPE_HOST, default 127.0.0.1)')
    .action(async (_opts: unknown, command: Command) => {
      const config = loadConfig(serverEnv(command, { RINGSCOPE_MODE: 'demo' }));
      const say = (line: string) => void process.stderr.write(`${line}\n`);
      const store = await openStore(config.neo4jUri ? { neo4j: config.neo4jUri } : { db: config.db });
      try {
        await prepareDemo(store, { dbPath: config.db, say });
      } catch (error) {
        await store.close();
        throw error;
      }
      const running = await serve(config, { store, pipelines: PIPELINES });
      say('');
      say(`Ringscope is running: ${running.url}`);
      for (const line of running.notices) say(line);
      say('Stop with Ctrl-C.');
      await closeOnSignal(running);
    });
}

// `ringscope audit verify`: walks the audit hash chain of the app database; exit 1 naming the
// first broken entry when any entry was edited, removed or reordered.
import type { Command } from 'commander';
import { openAppDb } from '../../../server/app-db.ts';
import { AuditLog } from '../../../server/audit.ts';
import { loadConfig } from '../../../server/config.ts';
import { serverEnv } from './serve.ts';

export function register(program: Command): void {
  program
    .command('audit')
    .description('the audit trail of the API')
    .command('verify')
    .description('check the hash chain; names the first broken entry')
    .action((_opts: unknown, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      const config = loadConfig(serverEnv(command));
      const db = openAppDb(config.appDb);
      try {
        const result = new AuditLog(db).verify();
        if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
        if (result.firstBroken) {
          throw new Error(`audit trail broken at entry ${result.firstBroken.seq}: ${result.firstBroken.reason} (${config.appDb})`);
        }
        if (!json) process.stdout.write(`Audit trail intact: ${result.entries} entries (${config.appDb}).\n`);
      } finally {
        db.close();
      }
    });
}

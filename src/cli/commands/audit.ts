// `ringscope audit verify [--anchor SEQ:HASH…]`: walks the audit chain of the app database with
// its keyring and anchor file; exit 1 naming the first broken entry when any entry was edited,
// removed, reordered or chained again without the key, or when an anchor (from the anchor file
// or given by hand) is missing or differs. `ringscope audit head` prints the newest entry as
// SEQ:HASH, to record outside the machine; `ringscope audit rotate-key` starts a new key.
import { type Command, InvalidArgumentError } from 'commander';
import { openAppDb, type AppDb } from '../../../server/app-db.ts';
import { type AuditAnchor, AuditLog, formatAnchor, parseAnchor } from '../../../server/audit.ts';
import { loadConfig } from '../../../server/config.ts';
import { serverEnv } from './serve.ts';

function collectAnchor(text: string, anchors: AuditAnchor[]): AuditAnchor[] {
  const anchor = parseAnchor(text);
  if (!anchor)
    throw new InvalidArgumentError(
      'expected SEQ:HASH, an entry number and its 64-hex-digit hash, as `ringscope audit head` prints it',
    );
  return [...anchors, anchor];
}

function withAuditLog<T>(command: Command, work: (audit: AuditLog, appDb: string) => T): T {
  const config = loadConfig(serverEnv(command));
  const db: AppDb = openAppDb(config.appDb);
  try {
    return work(new AuditLog(db), config.appDb);
  } finally {
    db.close();
  }
}

export function register(program: Command): void {
  const audit = program.command('audit').description('the audit trail of the API');
  audit
    .command('verify')
    .description('check the chain with its keyring and anchor file; names the first broken entry')
    .option(
      '--anchor <seq:hash>',
      'an entry recorded elsewhere (from `audit head`, the log or a case pack); repeatable',
      collectAnchor,
      [],
    )
    .action((opts: { anchor: AuditAnchor[] }, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      withAuditLog(command, (log, appDb) => {
        const result = log.verify(opts.anchor);
        if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
        if (result.firstBroken) {
          throw new Error(
            `audit trail broken at entry ${result.firstBroken.seq}: ${result.firstBroken.reason} (${appDb})`,
          );
        }
        const anchored =
          opts.anchor.length > 0
            ? `, ${opts.anchor.length} recorded ${opts.anchor.length === 1 ? 'entry' : 'entries'} found`
            : '';
        if (!json)
          process.stdout.write(`Audit trail intact: ${result.entries} entries${anchored} (${appDb}).\n`);
      });
    });
  audit
    .command('rotate-key')
    .description('sign new audit entries with a new key, handed over from the current one in the trail')
    .action((_opts: unknown, command: Command) => {
      withAuditLog(command, (log, appDb) => {
        const entry = log.rotateKey({ username: null, requestId: null });
        process.stdout.write(
          `Audit key rotated at entry ${entry.seq}: ${String(entry.detail.from)} → ${String(entry.detail.to)} (${appDb}).\n`,
        );
      });
    });
  audit
    .command('head')
    .description('print the newest entry as SEQ:HASH, to keep outside this machine')
    .action((_opts: unknown, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      withAuditLog(command, (log, appDb) => {
        const head = log.head();
        if (json) process.stdout.write(`${JSON.stringify({ head })}\n`);
        else
          process.stdout.write(head ? `${formatAnchor(head)}\n` : `The audit trail is empty (${appDb}).\n`);
      });
    });
}

// `ringscope user add|passwd|disable|enable|list`: local accounts in the app database beside the
// store. A password is read from stdin with --password-stdin; otherwise a one-time password is
// generated, printed once, and must be changed at first sign-in. A password given on stdin must
// pass the password policy; a refusal names the rule and exits with 2.
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { ZodError } from 'zod';
import { openAppDb } from '../../../server/app-db.ts';
import { AuditLog } from '../../../server/audit.ts';
import { PasswordPolicyError } from '../../../server/auth/password-policy.ts';
import { Users } from '../../../server/auth/users.ts';
import { loadConfig } from '../../../server/config.ts';
import { Role } from '../../../server/policies.ts';
import { InputError } from '../../ingest/errors.ts';
import { serverEnv } from './serve.ts';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
}

async function withUsers<T>(
  command: Command,
  use: (users: Users, audit: AuditLog) => Promise<T>,
): Promise<T> {
  const config = loadConfig(serverEnv(command));
  const db = openAppDb(config.appDb);
  try {
    return await use(new Users(db), new AuditLog(db));
  } finally {
    db.close();
  }
}

async function passwordFor(options: {
  passwordStdin?: boolean;
}): Promise<{ password: string; oneTime: boolean }> {
  if (options.passwordStdin) return { password: await readStdinLine(), oneTime: false };
  return { password: randomBytes(18).toString('base64url'), oneTime: true };
}

/** A refused name or password is the user's input error (exit 2), saying which rule it broke. */
async function refusingInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PasswordPolicyError)
      throw new InputError(`password refused (${error.problem.rule}): ${error.problem.message}`, []);
    if (error instanceof ZodError)
      throw new InputError(`refused: ${error.issues.map((i) => i.message).join('; ')}`, []);
    throw error;
  }
}

const cliActor = () => ({ via: 'cli', osUser: userInfo().username });

/** `user add NAME --role ROLE [--password-stdin]`. */
async function addUser(
  name: string,
  opts: { role: string; passwordStdin?: boolean },
  command: Command,
): Promise<void> {
  const role = Role.safeParse(opts.role);
  if (!role.success) throw new InputError(`--role ${opts.role}: one of ${Role.options.join(', ')}`, []);
  const { password, oneTime } = await passwordFor(opts);
  await withUsers(command, async (users, audit) => {
    await refusingInput(() =>
      users.add({
        username: name,
        role: role.data,
        password,
        mustChangePassword: oneTime,
        policy: !oneTime,
      }),
    );
    audit.append({
      action: 'user_admin',
      username: null,
      requestId: null,
      target: name,
      detail: { what: 'created', role: role.data, ...cliActor() },
    });
  });
  process.stdout.write(`Added ${name} (${role.data}).\n`);
  if (oneTime) process.stdout.write(`One-time password (change it at first sign-in): ${password}\n`);
}

export function register(program: Command): void {
  const user = program.command('user').description('manage the local user accounts of the API');

  user
    .command('add')
    .argument('<name>', 'user name (lower case)')
    .requiredOption('--role <role>', `one of ${Role.options.join(', ')}`)
    .option('--password-stdin', 'read the password from the first line of stdin')
    .action(addUser);

  user
    .command('passwd')
    .argument('<name>', 'user name')
    .option('--password-stdin', 'read the new password from the first line of stdin')
    .action(async (name: string, opts: { passwordStdin?: boolean }, command: Command) => {
      const { password, oneTime } = await passwordFor(opts);
      await withUsers(command, async (users, audit) => {
        await refusingInput(() =>
          users.setPassword(name, password, { mustChange: oneTime, policy: !oneTime }),
        );
        audit.append({
          action: 'user_admin',
          username: null,
          requestId: null,
          target: name,
          detail: { what: 'password_reset', ...cliActor() },
        });
      });
      process.stdout.write(`Password of ${name} changed; their sessions are ended.\n`);
      if (oneTime) process.stdout.write(`One-time password (change it at first sign-in): ${password}\n`);
    });

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(verb)
      .argument('<name>', 'user name')
      .action(async (name: string, _opts: unknown, command: Command) => {
        await withUsers(command, (users, audit) => {
          users.update(name, { disabled });
          audit.append({
            action: 'user_admin',
            username: null,
            requestId: null,
            target: name,
            detail: { what: verb, ...cliActor() },
          });
          return Promise.resolve();
        });
        process.stdout.write(`${name} ${disabled ? 'disabled; their sessions are ended' : 'enabled'}.\n`);
      });
  }

  user.command('list').action(async (_opts: unknown, command: Command) => {
    const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
    const list = await withUsers(command, (users) => Promise.resolve(users.list()));
    if (json) process.stdout.write(`${JSON.stringify({ users: list }, null, 2)}\n`);
    else
      for (const u of list)
        process.stdout.write(
          `${u.username.padEnd(20)} ${u.role.padEnd(13)} ${u.disabled ? 'disabled' : 'active'}\n`,
        );
  });
}

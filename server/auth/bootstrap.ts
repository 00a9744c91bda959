// Accounts at boot. Production never has a default password: the first admin comes from
// RINGSCOPE_ADMIN_USER / RINGSCOPE_ADMIN_PASSWORD or gets a random one-time password, printed
// once, that must be changed at first sign-in. Demo accounts exist only in demo mode (`start`);
// any other mode disables a demo account that still has its published password.
import { randomBytes } from 'node:crypto';
import { ConfigError, type Config } from '../config.ts';
import type { Role } from '../policies.ts';
import { PasswordPolicyError } from './password-policy.ts';
import type { Users } from './users.ts';

export const DEMO_ACCOUNTS: readonly { username: string; role: Role; password: string }[] = [
  { username: 'investigator', role: 'investigator', password: 'ringscope-investigator' },
  { username: 'officer', role: 'case_officer', password: 'ringscope-officer' },
  { username: 'enforcement', role: 'enforcement', password: 'ringscope-enforcement' },
  { username: 'admin', role: 'admin', password: 'ringscope-admin' },
];

/** Lines to show the operator (demo accounts, a one-time password); never logged. */
export async function ensureAccounts(users: Users, config: Config): Promise<string[]> {
  const notices: string[] = [];
  if (config.mode === 'demo') {
    for (const account of DEMO_ACCOUNTS) {
      if (!users.get(account.username)) await users.add(account);
    }
    notices.push('Demo accounts (demo mode only):');
    for (const a of DEMO_ACCOUNTS)
      notices.push(`  ${a.username.padEnd(13)} ${a.password.padEnd(24)} ${a.role}`);
    return notices;
  }
  for (const account of DEMO_ACCOUNTS) {
    const user = users.get(account.username);
    if (user && !user.disabled && (await users.authenticate(account.username, account.password))) {
      users.update(account.username, { disabled: true });
      notices.push(
        `Disabled demo account ${account.username}: its password is public. Set a new one with \`ringscope user passwd\`.`,
      );
    }
  }
  if (users.count() > 0) return notices;
  if (config.admin) {
    try {
      await users.add({ ...config.admin, role: 'admin', policy: true });
    } catch (error) {
      if (!(error instanceof PasswordPolicyError)) throw error;
      throw new ConfigError(
        `RINGSCOPE_ADMIN_PASSWORD is refused (${error.problem.rule}): ${error.problem.message}`,
      );
    }
    notices.push(`Created admin ${config.admin.username} from RINGSCOPE_ADMIN_USER.`);
    return notices;
  }
  const oneTime = randomBytes(18).toString('base64url');
  await users.add({ username: 'admin', role: 'admin', password: oneTime, mustChangePassword: true });
  notices.push(
    'No users yet: created admin with a one-time password (shown only now; change it at first sign-in):',
  );
  notices.push(`  admin  ${oneTime}`);
  return notices;
}

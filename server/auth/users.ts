// Local user accounts: create, change password, change role, disable; shared by the API and
// the `ringscope user` command. A password a person chose (`policy: true`: the API, the CLI's
// --password-stdin, RINGSCOPE_ADMIN_PASSWORD) must pass the password policy; one made by code
// (random one-time passwords, the demo accounts, test fixtures) only the length.
import { z } from 'zod';
import { preparedOnce, type AppDb } from '../app-db.ts';
import { type Account, Username } from '../../src/api/users.ts';
import { Role } from '../policies.ts';
import { checkPassword, PasswordPolicyError, problem } from './password-policy.ts';
import { DECOY_HASH, hashPassword, verifyPassword } from './passwords.ts';

export { Username };
export const NewPassword = z.string().min(12, 'at least 12 characters').max(256);

/** An account as the API shows it to admins (never its password hash). */
export type User = Account;

interface UserRow {
  username: string;
  role: string;
  password_hash: string;
  disabled: number;
  must_change_password: number;
  created_at: string;
}

export class UserError extends Error {
  constructor(
    readonly code: 'exists' | 'not_found' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

function toUser(row: UserRow): User {
  return {
    username: row.username,
    role: Role.parse(row.role),
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

export class Users {
  constructor(private readonly db: AppDb) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  get(username: string): User | null {
    const row = preparedOnce(this.db, 'SELECT * FROM users WHERE username = ?').get(username) as
      UserRow | undefined;
    return row ? toUser(row) : null;
  }

  list(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser);
  }

  async add(input: {
    username: string;
    role: Role;
    password: string;
    mustChangePassword?: boolean;
    /** A password a person chose: the password policy applies. */
    policy?: boolean;
  }): Promise<User> {
    const username = Username.parse(input.username);
    NewPassword.parse(input.password);
    if (input.policy) checkPassword(input.password, { username });
    if (this.get(username)) throw new UserError('exists', `user ${username} already exists`);
    const hash = await hashPassword(input.password);
    const now = new Date().toISOString();
    this.db
      .prepare(
        'INSERT INTO users (username, role, password_hash, must_change_password, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(username, input.role, hash, input.mustChangePassword ? 1 : 0, now, now);
    return this.require(username);
  }

  async setPassword(
    username: string,
    password: string,
    options: { mustChange?: boolean; policy?: boolean } = {},
  ): Promise<User> {
    NewPassword.parse(password);
    this.require(username);
    if (options.policy) {
      checkPassword(password, { username });
      // A forced change of a one-time password, too, must not keep the same password.
      if (await verifyPassword(password, this.passwordHash(username)))
        throw new PasswordPolicyError(problem('previous'));
    }
    const hash = await hashPassword(password);
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE username = ?',
        )
        .run(hash, options.mustChange ? 1 : 0, new Date().toISOString(), username);
      // A new password ends every open session of the account.
      this.db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
    })();
    return this.require(username);
  }

  update(username: string, change: { role?: Role; disabled?: boolean }): User {
    this.require(username);
    this.db.transaction(() => {
      if (change.role !== undefined)
        this.db.prepare('UPDATE users SET role = ? WHERE username = ?').run(change.role, username);
      if (change.disabled !== undefined) {
        this.db
          .prepare('UPDATE users SET disabled = ? WHERE username = ?')
          .run(change.disabled ? 1 : 0, username);
        if (change.disabled) this.db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
      }
      this.db
        .prepare('UPDATE users SET updated_at = ? WHERE username = ?')
        .run(new Date().toISOString(), username);
    })();
    return this.require(username);
  }

  /** The user when the password matches an enabled account; null otherwise (same cost either way). */
  async authenticate(username: string, password: string): Promise<User | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as
      UserRow | undefined;
    const ok = await verifyPassword(password, row?.password_hash ?? DECOY_HASH);
    if (!ok || !row || row.disabled === 1) return null;
    return toUser(row);
  }

  private passwordHash(username: string): string {
    const row = preparedOnce(this.db, 'SELECT password_hash FROM users WHERE username = ?').get(username) as
      { password_hash: string } | undefined;
    return row?.password_hash ?? DECOY_HASH;
  }

  private require(username: string): User {
    const user = this.get(username);
    if (!user) throw new UserError('not_found', `no user named ${username}`);
    return user;
  }
}

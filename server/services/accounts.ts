// Sign-in, sign-out and password change for a session, and user administration for admins.
// A failed sign-in is written to the audit trail here, since it ends in an error answer. A
// password chosen here must pass the password policy; a refusal names the rule and the field.
import type { Account, SignedInUser } from '../../src/api/users.ts';
import type { AuditLog } from '../audit.ts';
import { PasswordPolicyError } from '../auth/password-policy.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { User, Users } from '../auth/users.ts';
import { ApiError } from '../http/errors.ts';
import type { Role } from '../policies.ts';

export interface SignedIn {
  user: SignedInUser;
  /** The new session's token, for the cookie. */
  token: string;
}

const account = (u: User): Account => ({
  username: u.username,
  role: u.role,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt,
});

/** Runs a password change; a policy refusal becomes a 400 naming the rule and the body field. */
async function underPolicy<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof PasswordPolicyError)) throw error;
    const { rule, message } = error.problem;
    throw new ApiError(400, `password_${rule}`, `${field}: this password is refused: ${message}`, {
      issues: [{ path: `body.${field}`, message }],
    });
  }
}

export class Accounts {
  constructor(
    private readonly users: Users,
    private readonly sessions: Sessions,
    private readonly audit: AuditLog,
  ) {}

  /** A fresh session at every sign-in; the session the browser held before (if any) is ended. */
  async signIn(
    credentials: { username: string; password: string },
    request: { previousToken: string | null | undefined; ip: string | null; requestId: string },
  ): Promise<SignedIn> {
    const user = await this.users.authenticate(credentials.username, credentials.password);
    if (!user) {
      this.audit.append({
        action: 'login_failed',
        username: null,
        requestId: request.requestId,
        target: credentials.username.slice(0, 128),
        detail: { ip: request.ip },
      });
      throw new ApiError(
        401,
        'invalid_credentials',
        'the user name or password is wrong, or the account is disabled',
      );
    }
    if (request.previousToken) this.sessions.destroy(request.previousToken);
    return {
      user: { username: user.username, role: user.role, mustChangePassword: user.mustChangePassword },
      token: this.sessions.create(user.username),
    };
  }

  signOut(token: string | null | undefined): void {
    if (token) this.sessions.destroy(token);
  }

  /** Ends the user's other sessions and starts a new one. */
  async changePassword(user: User, currentPassword: string, newPassword: string) {
    const me = await this.users.authenticate(user.username, currentPassword);
    if (!me) throw new ApiError(400, 'invalid_credentials', 'the current password is wrong');
    await underPolicy('newPassword', () =>
      this.users.setPassword(me.username, newPassword, { policy: true }),
    );
    return { user: { username: me.username, role: me.role }, token: this.sessions.create(me.username) };
  }

  list(): Account[] {
    return this.users.list().map(account);
  }

  /** A new account must change its password at first sign-in. */
  async create(input: { username: string; role: Role; password: string }): Promise<Account> {
    return account(
      await underPolicy('password', () =>
        this.users.add({ ...input, mustChangePassword: true, policy: true }),
      ),
    );
  }

  async change(
    admin: User,
    username: string,
    change: { role?: Role | undefined; disabled?: boolean | undefined; password?: string | undefined },
  ): Promise<Account> {
    if (
      username === admin.username &&
      (change.disabled === true || (change.role !== undefined && change.role !== 'admin'))
    ) {
      throw new ApiError(
        400,
        'invalid_request',
        'you cannot disable or demote your own account; ask another admin',
      );
    }
    // The password first: a refused one leaves the account as it was.
    const { password } = change;
    if (password)
      await underPolicy('password', () =>
        this.users.setPassword(username, password, { mustChange: true, policy: true }),
      );
    return account(
      this.users.update(username, {
        ...(change.role ? { role: change.role } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      }),
    );
  }
}

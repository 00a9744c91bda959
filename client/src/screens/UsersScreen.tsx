// User accounts for admins: the list, creating one (who changes the password at first sign-in),
// changing a role, disabling or enabling, and resetting a password (PATCH /api/users/:name).
import { useEffect, useState, type FormEvent } from 'react';
import { ROLES, type Account, type Role } from '../../../src/api/index.ts';
import { adminApi, type AccountChange } from '../api/admin.ts';
import { Status, useRunner } from './useRunner.tsx';

export function UsersScreen() {
  const [users, setUsers] = useState<Account[]>([]);
  const { message, error, run, fail } = useRunner();
  // Listing again after a change keeps the change's message (a failure to list replaces it).
  const reload = () =>
    adminApi
      .users()
      .then((answer) => setUsers(answer.users))
      .catch(fail);
  useEffect(() => {
    void reload();
  }, []);

  const change = async (name: string, what: AccountChange, done: string): Promise<boolean> => {
    const changed = await run(() => adminApi.changeUser(name, what), done);
    if (changed) await reload();
    return changed !== null;
  };

  return (
    <section aria-label="User accounts">
      <NewUserForm
        onCreate={async (name, role, password) => {
          const made = await run(
            () => adminApi.createUser(name, role, password),
            `Created ${name} (${role}); they choose a new password at first sign-in.`,
          );
          if (made) await reload();
          return made !== null;
        }}
      />
      <Status message={message} error={error} />
      <table data-testid="users">
        <thead>
          <tr>
            <th>User</th>
            <th>Role</th>
            <th>State</th>
            <th>Created</th>
            <th>Password</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.username} user={u} onChange={change} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function NewUserForm({
  onCreate,
}: {
  onCreate: (name: string, role: Role, password: string) => Promise<boolean>;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('investigator');
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onCreate(name.trim(), role, password)) {
      setName('');
      setPassword('');
    }
  };
  return (
    <form className="inline" onSubmit={(e) => void submit(e)} aria-label="New user">
      <label>
        User name
        <input value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
      </label>
      <label>
        Role
        <RoleSelect value={role} onChange={setRole} label="Role" />
      </label>
      <label>
        First password
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          autoComplete="new-password"
        />
      </label>
      <button type="submit">Create user</button>
    </form>
  );
}

function RoleSelect({
  value,
  onChange,
  label,
}: {
  value: Role;
  onChange: (role: Role) => void;
  label?: string;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as Role)} aria-label={label}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {r.replace('_', ' ')}
        </option>
      ))}
    </select>
  );
}

interface RowProps {
  user: Account;
  onChange: (name: string, what: AccountChange, done: string) => Promise<boolean>;
}

function UserRow({ user, onChange }: RowProps) {
  const [password, setPassword] = useState('');
  const name = user.username;
  return (
    <tr data-user={name}>
      <td>{name}</td>
      <td>
        <RoleSelect
          value={user.role}
          label={`Role of ${name}`}
          onChange={(role) => void onChange(name, { role }, `${name} is now ${role.replace('_', ' ')}.`)}
        />
      </td>
      <td>
        {user.disabled ? 'disabled' : user.mustChangePassword ? 'must change password' : 'active'}{' '}
        <button
          type="button"
          onClick={() =>
            void onChange(
              name,
              { disabled: !user.disabled },
              `${name} ${user.disabled ? 'enabled' : 'disabled'}.`,
            )
          }
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
      </td>
      <td className="small">{user.createdAt.slice(0, 10)}</td>
      <td>
        <input
          type="password"
          aria-label={`New password for ${name}`}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />{' '}
        <button
          type="button"
          disabled={password === ''}
          onClick={() =>
            void onChange(
              name,
              { password },
              `${name}'s password was reset; they change it at next sign-in.`,
            ).then((changed) => changed && setPassword(''))
          }
        >
          Reset password
        </button>
      </td>
    </tr>
  );
}

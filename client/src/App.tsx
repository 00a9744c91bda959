// The session gate: asks who is signed in, shows the login form or the explorer.
import { useEffect, useState } from 'react';
import { api } from './api/endpoints.ts';
import type { User } from './api/schemas.ts';
import { Explorer } from './Explorer.tsx';
import { LoginView } from './panels/LoginView.tsx';

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    api
      .me()
      .then((answer) => setUser(answer.user))
      .catch(() => setUser(null));
  }, []);

  const logout = () => {
    api
      .logout()
      .catch(() => undefined)
      .finally(() => setUser(null));
  };

  if (user === undefined) return <p className="loading">Loading…</p>;
  if (user === null) return <LoginView onLogin={setUser} />;
  return <Explorer user={user} onLogout={logout} />;
}

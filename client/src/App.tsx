// The session gate: asks who is signed in, shows the login form or the explorer. A request the
// server answers with 401 (the session ended, e.g. by logging out in another tab) returns here.
import { useEffect, useRef, useState } from 'react';
import { api } from './api/endpoints.ts';
import { onSessionEnded } from './api/http.ts';
import type { User } from './api/schemas.ts';
import { Explorer } from './Explorer.tsx';
import { LoginView } from './panels/LoginView.tsx';

export const SESSION_ENDED = 'Your session has ended (signed out elsewhere or expired). Sign in again.';

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const signedIn = useRef(false);
  signedIn.current = Boolean(user);

  useEffect(() => {
    api
      .me()
      .then((answer) => setUser(answer.user))
      .catch(() => setUser(null));
    onSessionEnded(() => {
      if (signedIn.current) setNotice(SESSION_ENDED);
      setUser(null);
    });
    return () => onSessionEnded(null);
  }, []);

  const logout = () => {
    api
      .logout()
      .catch(() => undefined)
      .finally(() => setUser(null));
  };
  const login = (signedIn: User) => {
    setNotice(null);
    setUser(signedIn);
  };

  if (user === undefined) return <p className="loading">Loading…</p>;
  if (user === null) return <LoginView onLogin={login} notice={notice} />;
  return <Explorer user={user} onLogout={logout} />;
}

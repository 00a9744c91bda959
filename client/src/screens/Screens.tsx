// The screens beside the canvas: users and the audit trail for admins, inspection targets for
// enforcement. One opens over the investigation (which stays as it was underneath) and closes
// back to it (Escape too); the header lists those the user's role may open.
import { useEffect } from 'react';
import type { Role } from '../../../src/api/roles.ts';
import { AuditScreen } from './AuditScreen.tsx';
import { TargetsScreen } from './TargetsScreen.tsx';
import { UsersScreen } from './UsersScreen.tsx';
import './screens.css';

export type ScreenName = 'users' | 'audit' | 'targets';

const TITLES: Record<ScreenName, string> = {
  users: 'Users',
  audit: 'Audit trail',
  targets: 'Inspection targets',
};

/** The screens a role may open, in header order (the server refuses the others' API calls). */
export function screensFor(role: Role): ScreenName[] {
  if (role === 'admin') return ['targets', 'users', 'audit'];
  return role === 'enforcement' ? ['targets'] : [];
}

export function ScreenLinks({ role, onOpen }: { role: Role; onOpen: (screen: ScreenName) => void }) {
  return (
    <nav className="screen-links" aria-label="Screens">
      {screensFor(role).map((name) => (
        <button key={name} type="button" onClick={() => onOpen(name)}>
          {TITLES[name]}
        </button>
      ))}
    </nav>
  );
}

export function ScreenOverlay({ screen, onClose }: { screen: ScreenName; onClose: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="screen" role="region" aria-label={TITLES[screen]}>
      <div className="screen-head">
        <h1>{TITLES[screen]}</h1>
        <button type="button" onClick={onClose}>
          Back to the canvas
        </button>
      </div>
      {screen === 'users' && <UsersScreen />}
      {screen === 'audit' && <AuditScreen />}
      {screen === 'targets' && <TargetsScreen />}
    </div>
  );
}

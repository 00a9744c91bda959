// The explorer's header: the brand, the search box, the open alerts, the screens the role may
// open, who is signed in, and logging out.
import { memo, type ReactNode } from 'react';
import type { SearchHit, User } from '../api/schemas.ts';
import { SearchBox } from './SearchBox.tsx';

interface Props {
  user: User;
  onPick: (hit: SearchHit) => void;
  onLogout: () => void;
  openAlerts: number;
  onShowAlerts: () => void;
  /** Links to the screens the user's role may open. */
  screens?: ReactNode;
}

/** Memoised: it renders again only when its own props change, not on every canvas step. */
export const Header = memo(function Header({
  user,
  onPick,
  onLogout,
  openAlerts,
  onShowAlerts,
  screens,
}: Props) {
  return (
    <header className="header">
      <span className="brand">Ringscope</span>
      <SearchBox onPick={onPick} />
      <button
        type="button"
        className={openAlerts > 0 ? 'alerts-button raised' : 'alerts-button'}
        onClick={onShowAlerts}
        aria-label={`Alerts: ${openAlerts} open`}
      >
        Alerts{' '}
        <span className="count" data-testid="alert-count">
          {openAlerts}
        </span>
      </button>
      {screens}
      <span className="user" data-testid="user">
        {user.username} <span className="badge">{user.role.replace('_', ' ')}</span>
      </span>
      <button type="button" onClick={onLogout}>
        Log out
      </button>
    </header>
  );
});

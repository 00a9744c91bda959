// The explorer's header: the brand, the search box, who is signed in, and logging out.
import type { SearchHit, User } from '../api/schemas.ts';
import { SearchBox } from './SearchBox.tsx';

interface Props {
  user: User;
  onPick: (hit: SearchHit) => void;
  onLogout: () => void;
}

export function Header({ user, onPick, onLogout }: Props) {
  return (
    <header className="header">
      <span className="brand">Ringscope</span>
      <SearchBox onPick={onPick} />
      <span className="user" data-testid="user">
        {user.username} <span className="badge">{user.role.replace('_', ' ')}</span>
      </span>
      <button type="button" onClick={onLogout}>
        Log out
      </button>
    </header>
  );
}

// Saved investigations: named canvases in the app database. The one access check: the owner (and
// admins) may change or delete one; users it is shared with may open it; anyone else is told it
// does not exist (404), as for a restricted case. Shares name active users only.
import { randomBytes } from 'node:crypto';
import {
  CanvasState,
  type Investigation,
  type InvestigationSummary,
  type SavedInvestigation,
} from '../../src/api/investigations.ts';
import type { AppDb } from '../app-db.ts';
import type { User, Users } from '../auth/users.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { CaseAccessDenied } from './case-access.ts';

interface Row {
  id: string;
  name: string;
  owner: string;
  canvas: string;
  node_count: number;
  created_at: string;
  updated_at: string;
}

type Access = 'none' | 'read' | 'write';

function accessOf(user: User, row: Row, sharedWith: readonly string[]): Access {
  if (user.role === 'admin' || row.owner === user.username) return 'write';
  return sharedWith.includes(user.username) ? 'read' : 'none';
}

export class Investigations {
  constructor(
    private readonly db: AppDb,
    private readonly users: Users,
  ) {}

  /** Those the user owns or was shared (all of them for an admin), most recently saved first. */
  list(user: User): InvestigationSummary[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM investigations i
         WHERE ? = 'admin' OR i.owner = ?
            OR EXISTS (SELECT 1 FROM investigation_shares s WHERE s.investigation_id = i.id AND s.username = ?)
         ORDER BY i.updated_at DESC, i.id`,
      )
      .all(user.role, user.username, user.username) as Row[];
    return rows.map((row) => this.summary(user, row, this.sharesOf(row.id)));
  }

  view(user: User, id: string): Investigation {
    const { row, shares } = this.require(user, id, 'read');
    return { ...this.summary(user, row, shares), canvas: CanvasState.parse(JSON.parse(row.canvas)) };
  }

  create(user: User, input: SavedInvestigation): Investigation {
    const id = `I-${randomBytes(6).toString('hex')}`;
    const now = new Date().toISOString();
    const shares = this.checkShares(user, input.sharedWith);
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO investigations VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(
          id,
          input.name,
          user.username,
          JSON.stringify(input.canvas),
          input.canvas.nodes.length,
          now,
          now,
        );
      this.writeShares(id, shares);
    })();
    return this.view(user, id);
  }

  replace(user: User, id: string, input: SavedInvestigation): Investigation {
    const { row } = this.require(user, id, 'write');
    const shares = this.checkShares({ ...user, username: row.owner }, input.sharedWith);
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE investigations SET name = ?, canvas = ?, node_count = ?, updated_at = ? WHERE id = ?',
        )
        .run(
          input.name,
          JSON.stringify(input.canvas),
          input.canvas.nodes.length,
          new Date().toISOString(),
          id,
        );
      this.db.prepare('DELETE FROM investigation_shares WHERE investigation_id = ?').run(id);
      this.writeShares(id, shares);
    })();
    return this.view(user, id);
  }

  remove(user: User, id: string): void {
    this.require(user, id, 'write');
    this.db.prepare('DELETE FROM investigations WHERE id = ?').run(id);
  }

  private summary(user: User, row: Row, shares: string[]): InvestigationSummary {
    return {
      id: row.id,
      name: row.name,
      owner: row.owner,
      sharedWith: shares,
      nodeCount: row.node_count,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      access: accessOf(user, row, shares) === 'write' ? 'write' : 'read',
    };
  }

  private sharesOf(id: string): string[] {
    return (
      this.db
        .prepare('SELECT username FROM investigation_shares WHERE investigation_id = ? ORDER BY username')
        .all(id) as { username: string }[]
    ).map((r) => r.username);
  }

  private writeShares(id: string, shares: readonly string[]): void {
    const insert = this.db.prepare('INSERT INTO investigation_shares VALUES (?, ?)');
    for (const name of shares) insert.run(id, name);
  }

  /** Shares name existing, active users other than the owner; duplicates collapse. */
  private checkShares(owner: Pick<User, 'username'>, names: readonly string[]): string[] {
    const unique = [...new Set(names)].filter((name) => name !== owner.username).sort();
    for (const name of unique) {
      const found = this.users.get(name);
      if (!found || found.disabled)
        throw new ApiError(400, 'invalid_request', `sharedWith names ${name}, who is not an active user`, {
          issues: [{ path: 'body.sharedWith', message: `${name} is not an active user` }],
        });
    }
    return unique;
  }

  /** 404 for what the user may not see; 403 for what they may open but not change. */
  private require(user: User, id: string, needed: 'read' | 'write'): { row: Row; shares: string[] } {
    const row = this.db.prepare('SELECT * FROM investigations WHERE id = ?').get(id) as Row | undefined;
    const shares = row ? this.sharesOf(id) : [];
    const access = row ? accessOf(user, row, shares) : 'none';
    if (!row || access === 'none')
      throw new CaseAccessDenied(404, notFound(`investigation ${id}`).message, id, needed);
    if (needed === 'write' && access !== 'write')
      throw new CaseAccessDenied(
        403,
        `investigation ${id} was shared with you to open, not to change; save a copy under your own name`,
        id,
        needed,
      );
    return { row, shares };
  }
}

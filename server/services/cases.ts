// Cases as records in the app database: the header, pinned entities and rings, notes, evidence
// items tied to declaration lines and findings, and a timeline of everything done to the case.
// Who may do what is decided once, by the case use cases (case-work.ts), before they get here.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  CaseStatus,
  CaseVisibility,
  type CaseEvent,
  type CaseEvidence,
  type CaseHeader,
  type CaseNote,
} from '../../src/api/cases.ts';
import type { AppDb } from '../app-db.ts';
import type { User } from '../auth/users.ts';

export type CaseRow = CaseHeader;
export interface CaseChange {
  title?: string | undefined;
  description?: string | undefined;
  status?: CaseStatus | undefined;
  assignee?: string | null | undefined;
  visibility?: CaseVisibility | undefined;
}

interface DbCase {
  id: string;
  title: string;
  description: string;
  status: string;
  visibility: string;
  owner: string;
  assignee: string | null;
  created_at: string;
  updated_at: string;
}

function toCase(row: DbCase): CaseRow {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: CaseStatus.parse(row.status),
    visibility: CaseVisibility.parse(row.visibility),
    owner: row.owner,
    assignee: row.assignee,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class Cases {
  constructor(private readonly db: AppDb) {}

  find(id: string): CaseRow | null {
    const row = this.db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as DbCase | undefined;
    return row ? toCase(row) : null;
  }

  /** Every case, most recently changed first, with its entity count. */
  list(): (CaseRow & { entityCount: number })[] {
    const rows = this.db
      .prepare(
        `SELECT c.*, (SELECT count(*) FROM case_entities e WHERE e.case_id = c.id) AS entity_count
         FROM cases c ORDER BY c.updated_at DESC, c.id`,
      )
      .all() as (DbCase & { entity_count: number })[];
    return rows.map((r) => ({ ...toCase(r), entityCount: r.entity_count }));
  }

  create(
    user: User,
    input: {
      title: string;
      description?: string | undefined;
      visibility?: CaseVisibility | undefined;
      assignee?: string | null | undefined;
    },
  ): string {
    const id = `C-${randomBytes(6).toString('hex')}`;
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO cases (id, title, description, status, visibility, owner, assignee, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
          input.title,
          input.description ?? '',
          'open',
          input.visibility ?? 'team',
          user.username,
          input.assignee ?? null,
          now,
          now,
        );
      this.event(id, user, 'created', `case opened: ${input.title}`);
    })();
    return id;
  }

  update(user: User, id: string, change: CaseChange): void {
    this.db.transaction(() => {
      const set = (column: string, value: string | null, summary: string) => {
        this.db.prepare(`UPDATE cases SET ${column} = ? WHERE id = ?`).run(value, id);
        this.event(id, user, column, summary);
      };
      if (change.title !== undefined) set('title', change.title, `title set to ${change.title}`);
      if (change.description !== undefined) set('description', change.description, 'description changed');
      if (change.status !== undefined) set('status', change.status, `status set to ${change.status}`);
      if (change.assignee !== undefined)
        set('assignee', change.assignee, change.assignee ? `assigned to ${change.assignee}` : 'unassigned');
      if (change.visibility !== undefined)
        set('visibility', change.visibility, `visibility set to ${change.visibility}`);
    })();
  }

  entityKeys(id: string): string[] {
    return (
      this.db
        .prepare('SELECT node_key FROM case_entities WHERE case_id = ? ORDER BY added_at, node_key')
        .all(id) as { node_key: string }[]
    ).map((r) => r.node_key);
  }

  ringIds(id: string): string[] {
    return (
      this.db
        .prepare('SELECT ring_id FROM case_rings WHERE case_id = ? ORDER BY added_at, ring_id')
        .all(id) as { ring_id: string }[]
    ).map((r) => r.ring_id);
  }

  addEntities(user: User, id: string, keys: string[], why: string): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      const insert = this.db.prepare(
        'INSERT OR IGNORE INTO case_entities (case_id, node_key, added_by, added_at) VALUES (?, ?, ?, ?)',
      );
      const added = keys.filter((k) => insert.run(id, k, user.username, now).changes > 0);
      if (added.length > 0) this.event(id, user, 'entities_added', `${why}: ${added.join(', ')}`);
    })();
  }

  removeEntity(user: User, id: string, key: string): boolean {
    return this.db.transaction(() => {
      const removed =
        this.db.prepare('DELETE FROM case_entities WHERE case_id = ? AND node_key = ?').run(id, key).changes >
        0;
      if (removed) this.event(id, user, 'entity_removed', `removed ${key}`);
      return removed;
    })();
  }

  addRing(user: User, id: string, ringId: string, memberKeys: string[]): void {
    this.db.transaction(() => {
      const now = new Date().toISOString();
      this.db
        .prepare(
          'INSERT OR IGNORE INTO case_rings (case_id, ring_id, added_by, added_at) VALUES (?, ?, ?, ?)',
        )
        .run(id, ringId, user.username, now);
      this.event(id, user, 'ring_added', `ring ${ringId} added`);
      this.addEntities(user, id, memberKeys, `members of ring ${ringId}`);
    })();
  }

  addNote(user: User, id: string, text: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO case_notes (case_id, author, text, at) VALUES (?, ?, ?, ?)')
        .run(id, user.username, text, new Date().toISOString());
      this.event(id, user, 'note_added', text.length > 80 ? `${text.slice(0, 77)}…` : text);
    })();
  }

  addEvidence(
    user: User,
    id: string,
    input: { description: string; declarationIds: string[]; ringId?: string | undefined },
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO case_evidence (case_id, author, description, declaration_ids, ring_id, at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
          user.username,
          input.description,
          JSON.stringify(input.declarationIds),
          input.ringId ?? null,
          new Date().toISOString(),
        );
      this.event(
        id,
        user,
        'evidence_added',
        `${input.description} (${input.declarationIds.length} declaration lines)`,
      );
    })();
  }

  notes(id: string): CaseNote[] {
    return this.db
      .prepare('SELECT id, author, text, at FROM case_notes WHERE case_id = ? ORDER BY id')
      .all(id) as CaseNote[];
  }

  evidence(id: string): CaseEvidence[] {
    const rows = this.db
      .prepare(
        'SELECT id, author, description, declaration_ids, ring_id, at FROM case_evidence WHERE case_id = ? ORDER BY id',
      )
      .all(id) as {
      id: number;
      author: string;
      description: string;
      declaration_ids: string;
      ring_id: string | null;
      at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      author: r.author,
      description: r.description,
      declarationIds: z.array(z.string()).parse(JSON.parse(r.declaration_ids)),
      ringId: r.ring_id,
      at: r.at,
    }));
  }

  timeline(id: string): CaseEvent[] {
    return this.db
      .prepare('SELECT at, actor, kind, summary FROM case_events WHERE case_id = ? ORDER BY id')
      .all(id) as CaseEvent[];
  }

  private event(id: string, user: User, kind: string, summary: string): void {
    const at = new Date().toISOString();
    this.db
      .prepare('INSERT INTO case_events (case_id, at, actor, kind, summary) VALUES (?, ?, ?, ?, ?)')
      .run(id, at, user.username, kind, summary);
    this.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(at, id);
  }
}

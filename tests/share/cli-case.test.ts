// `ringscope share export --case ID`: a case's entities (read from the app database beside the
// store) go as the package's members, with the rings of the last run that hold them; an unknown
// case and a case without entities are refused with exit 2; the audit entry names the case.
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAppDb } from '../../server/app-db.ts';
import { AuditLog } from '../../server/audit.ts';
import type { User } from '../../server/auth/users.ts';
import { Cases } from '../../server/services/cases.ts';
import { runCli } from '../helpers/run-cli.ts';
import { overlapWorlds, storeOf } from './worlds.ts';

const KEY = 'f3a9c2e17b5d4086a1c9e2f3b4d5a6c7e8f90a1b2c3d4e5f60718293a4b5c6d7';
const officer: User = {
  username: 'officer',
  role: 'case_officer',
  mustChangePassword: false,
  disabled: false,
  createdAt: '2026-11-01T00:00:00.000Z',
};

let db = '';
let keyFile = '';
let caseId = '';
let emptyCaseId = '';
let pinned: string[] = [];

beforeAll(async () => {
  const worlds = overlapWorlds();
  const s = await storeOf(worlds.sender, worlds.ring);
  await s.store.close();
  db = s.db;
  const dir = mkdtempSync(join(tmpdir(), 'ringscope-share-case-'));
  keyFile = join(dir, 'partner.key');
  writeFileSync(keyFile, `${KEY}\n`, { mode: 0o600 });
  // Two ring members and one firm outside the ring.
  const outsider = [...worlds.sender.nodes.values()].find(
    (n) => n.label === 'Importer' && !worlds.ring.members.some((m) => m.id === n.id),
  );
  const members = worlds.ring.members.filter((m) => m.label === 'Importer').slice(0, 2);
  pinned = [...members.map((m) => `${m.label}:${m.id}`), `Importer:${outsider?.id}`];
  const app = openAppDb(join(s.dir, 'ringscope-app.db'));
  const cases = new Cases(app);
  caseId = cases.create(officer, { title: 'joint' });
  cases.addEntities(officer, caseId, pinned, 'pinned');
  emptyCaseId = cases.create(officer, { title: 'empty' });
  app.close();
});

const exportArgs = (selection: string[], out: string) => [
  '--db',
  db,
  'share',
  'export',
  ...selection,
  '--partner',
  'Douane',
  '--purpose',
  'joint case 42',
  '--handling',
  'TLP:AMBER',
  '--expires',
  '2099-12-31',
  '--out',
  out,
  '--key-file',
  keyFile,
];

describe('ringscope share export --case', () => {
  it("shares the case's entities, with the ring that holds two of them", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ringscope-share-out-')), 'case.json');
    const result = await runCli(exportArgs(['--case', caseId], out));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pkg = (
      JSON.parse(readFileSync(out, 'utf8')) as {
        package: { selection: string; rings: unknown[]; members: { rings: string[] }[] };
      }
    ).package;
    expect(pkg.selection).toBe('case');
    expect(pkg.rings).toHaveLength(1);
    expect(pkg.members.map((m) => m.rings.join(',')).sort()).toEqual(['', 'ring-1', 'ring-1']);
    const app = openAppDb(join(db, '..', 'ringscope-app.db'));
    const [entry] = new AuditLog(app).list({ limit: 10, action: 'share_export' });
    app.close();
    expect(entry?.detail).toMatchObject({ selection: `case ${caseId}`, members: 3, rings: 1 });
  });

  it('refuses an unknown case, a case without entities, and two selections at once (exit 2)', async () => {
    const out = join(tmpdir(), 'never-written.json');
    const unknown = await runCli(exportArgs(['--case', 'C-000000000000'], out));
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      2,
      'ringscope: --case C-000000000000: no such case in the app database',
    ]);
    const empty = await runCli(exportArgs(['--case', emptyCaseId], out));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`--case ${emptyCaseId}: the case has no entities to share`);
    const both = await runCli(exportArgs(['--case', caseId, '--suspects'], out));
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give one of --ring ID, --suspects (with --min-score X) or --case ID');
  });
});

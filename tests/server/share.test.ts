// Sharing from the API: a ring exported by enforcement as a signed download and imported by an
// investigator against the same store (the server trusts its own key as the partner's), a case
// and chosen suspects exported, a tampered package refused with 400 naming why, wrong roles 403,
// partners and configuration checked, and both sides in the audit trail.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ShareReport, ShareWhoami } from '../../src/api/share.ts';
import { RING_ID } from './support/fixture.ts';
import { errorOf } from './support/body.ts';
import { startHarness, type Harness } from './support/harness.ts';

const KEY = 'f3a9c2e17b5d4086a1c9e2f3b4d5a6c7e8f90a1b2c3d4e5f60718293a4b5c6d7';
const RING_MEMBERS = ['Importer:IM-001', 'Importer:IM-002', 'Importer:IM-003', 'Person:P-01'];

let h: Harness;
let keysDir: string;
let packageText = '';

const exportBody = (extra: Record<string, unknown>) => ({
  partner: 'douane',
  purpose: 'joint case 42',
  handling: 'TLP:AMBER',
  expires: '2099-12-31',
  ...extra,
});

beforeAll(async () => {
  keysDir = mkdtempSync(join(tmpdir(), 'ringscope-share-keys-'));
  writeFileSync(join(keysDir, 'douane.key'), `${KEY}\n`, { mode: 0o600 });
  writeFileSync(join(keysDir, 'loose.key'), `${KEY}\n`, { mode: 0o644 });
  h = await startHarness({ config: { share: { keysDir, signingKey: undefined } } });
  // The partner's public key is this server's own: it receives what it sent.
  const who = ShareWhoami.parse((await (await h.as('investigator')).get('/api/share/whoami')).body);
  writeFileSync(join(keysDir, 'douane.pub'), who.publicKey);
});
afterAll(async () => {
  await h.close();
  rmSync(keysDir, { recursive: true, force: true });
});

const entries = (action: string) => h.services.audit.list({ limit: 50, action });

describe('GET /api/share/whoami', () => {
  it("answers the server's public key, fingerprint and partners", async () => {
    const res = await (await h.as('case_officer')).get('/api/share/whoami');
    expect(res.status).toBe(200);
    const who = ShareWhoami.parse(res.body);
    expect(who.fingerprint).toMatch(/^([0-9a-f]{4}:){7}[0-9a-f]{4}$/);
    expect(who.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(who.partners).toEqual([
      { name: 'douane', canImport: true },
      { name: 'loose', canImport: false },
    ]);
  });
});

describe('POST /api/share/export', () => {
  it('sends a ring as a signed download and audits what was sent to whom', async () => {
    const res = await (
      await h.as('enforcement')
    )
      .post('/api/share/export')
      .send(exportBody({ ring: RING_ID }));
    expect(res.status).toBe(200);
    packageText = res.text;
    const sha = createHash('sha256').update(res.text).digest('hex');
    expect(res.headers['x-content-sha256']).toBe(sha);
    const pkg = z
      .object({ package: z.object({ id: z.string(), partner: z.string(), members: z.array(z.unknown()) }) })
      .parse(JSON.parse(res.text)).package;
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="ringscope-share-douane-${pkg.id}.json"`,
    );
    expect(pkg.partner).toBe('douane');
    expect(pkg.members).toHaveLength(4);
    // No raw identifier or name of the store's leaves in the package.
    for (const raw of ['IM-001', 'Alder', 'Birch', 'Cedar', 'P-01', 'Doe', 'dock road', RING_ID])
      expect(res.text.toLowerCase()).not.toContain(raw.toLowerCase());
    const entry = entries('share_export').find((e) => e.target === pkg.id);
    expect(entry?.username).toBe('enforcement');
    expect(entry?.detail).toMatchObject({
      partner: 'douane',
      purpose: 'joint case 42',
      handling: 'TLP:AMBER',
      expiresAt: '2099-12-31T23:59:59.999Z',
      selection: `ring ${RING_ID}`,
      rings: 1,
      members: 4,
      sha256: sha,
    });
  });

  it("sends a case's entities, and chosen suspects", async () => {
    const officer = await h.as('case_officer');
    const created = await officer.post('/api/cases').send({ title: 'share me' });
    const caseId = z.object({ case: z.object({ id: z.string() }) }).parse(created.body).case.id;
    await officer.post(`/api/cases/${caseId}/entities`).send({ keys: ['Importer:IM-002', 'Broker:BR-01'] });
    const enforcement = await h.as('enforcement');
    const byCase = await enforcement.post('/api/share/export').send(exportBody({ case: caseId }));
    expect(byCase.status).toBe(200);
    const casePkg = JSON.parse(byCase.text) as { package: { members: unknown[]; rings: unknown[] } };
    // The importer and the broker; the importer's ring goes with it.
    expect([casePkg.package.members.length, casePkg.package.rings.length]).toEqual([2, 1]);
    const bySuspects = await enforcement
      .post('/api/share/export')
      .send(exportBody({ suspects: ['Importer:IM-001'] }));
    expect(bySuspects.status).toBe(200);
    expect((JSON.parse(bySuspects.text) as { package: { members: unknown[] } }).package.members).toHaveLength(
      1,
    );
    expect(entries('share_export').map((e) => e.detail?.selection)).toContain(`case ${caseId}`);
  });

  it('refuses other roles (403), an unknown ring (404), an unknown partner (400), a loose key (409)', async () => {
    const officer = await h.as('case_officer');
    expect((await officer.post('/api/share/export').send(exportBody({ ring: RING_ID }))).status).toBe(403);
    const investigator = await h.as('investigator');
    expect((await investigator.post('/api/share/export').send(exportBody({ ring: RING_ID }))).status).toBe(
      403,
    );
    const enforcement = await h.as('enforcement');
    const noRing = await enforcement.post('/api/share/export').send(exportBody({ ring: 'R-none' }));
    expect([noRing.status, errorOf(noRing).code]).toEqual([404, 'not_found']);
    const stranger = await enforcement
      .post('/api/share/export')
      .send(exportBody({ ring: RING_ID, partner: 'nobody' }));
    expect([stranger.status, errorOf(stranger).code]).toEqual([400, 'unknown_partner']);
    expect(errorOf(stranger).message).toContain('no nobody.key in RINGSCOPE_SHARE_KEYS_DIR');
    const loose = await enforcement
      .post('/api/share/export')
      .send(exportBody({ ring: RING_ID, partner: 'loose' }));
    expect([loose.status, errorOf(loose).code]).toEqual([409, 'share_not_configured']);
    const both = await enforcement
      .post('/api/share/export')
      .send(exportBody({ ring: RING_ID, suspects: ['Importer:IM-001'] }));
    expect(both.status).toBe(400);
    const past = await enforcement
      .post('/api/share/export')
      .send(exportBody({ ring: RING_ID, expires: '2020-01-01' }));
    expect(past.status).toBe(400);
    expect(errorOf(past).message).toContain('is not in the future');
  });
});

describe('POST /api/share/import', () => {
  it("reports the store's parties that match the package's members, and audits what was received", async () => {
    const res = await (
      await h.as('investigator')
    )
      .post('/api/share/import')
      .send({ partner: 'douane', package: packageText });
    expect(res.status).toBe(200);
    const report = ShareReport.parse(res.body);
    expect([report.members, report.matchedMembers, report.receivedBefore]).toEqual([4, 4, null]);
    expect(report.matches.map((m) => `${m.party.label}:${m.party.id}`).sort()).toEqual(RING_MEMBERS);
    for (const m of report.matches) {
      expect(m.rings).toEqual(['ring-1']);
      expect(m.evidence[0]).toBe('same company or person id');
      expect(m.confidence).toBeGreaterThan(0.99);
    }
    expect(report.rings[0]?.typology).toBe('shared_identifiers');
    const entry = entries('share_import').find((e) => e.target === report.packageId);
    expect(entry?.username).toBe('investigator');
    expect(entry?.detail).toMatchObject({
      partner: 'douane',
      purpose: 'joint case 42',
      sha256: createHash('sha256').update(packageText).digest('hex'),
      members: 4,
    });
    expect((entry?.detail?.matches as unknown[]).length).toBe(4);
    // The same package again: a replay, named.
    const again = await (
      await h.as('enforcement')
    )
      .post('/api/share/import')
      .send({ partner: 'douane', package: packageText });
    expect(ShareReport.parse(again.body).receivedBefore).toBe(entry?.at);
  });

  it('refuses a package with one byte changed: 400 naming why, audited as refused', async () => {
    const at = packageText.indexOf('"purpose":"joint case 42"') + '"purpose":"joint case '.length;
    const tampered = `${packageText.slice(0, at)}7${packageText.slice(at + 1)}`;
    const res = await (
      await h.as('investigator')
    )
      .post('/api/share/import')
      .send({ partner: 'douane', package: tampered });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'package_refused', reason: 'altered' });
    expect(errorOf(res).message).toBe(
      'package from douane refused (altered): its signature does not verify: the package was altered after signing',
    );
    const refused = entries('share_import').find((e) => e.detail?.refused === 'altered');
    expect(refused).toMatchObject({ username: 'investigator', target: null });
  });

  it('refuses a package under a partner whose public key the server lacks, and other roles', async () => {
    const investigator = await h.as('investigator');
    const noPub = await investigator
      .post('/api/share/import')
      .send({ partner: 'loose', package: packageText });
    expect([noPub.status, errorOf(noPub).code]).toEqual([400, 'unknown_partner']);
    const officer = await h.as('case_officer');
    const denied = await officer.post('/api/share/import').send({ partner: 'douane', package: packageText });
    expect(denied.status).toBe(403);
  });
});

describe('a server without partner keys', () => {
  it('answers 409 share_not_configured to an export and an import, and whoami with no partners', async () => {
    const bare = await startHarness();
    try {
      const enforcement = await bare.as('enforcement');
      const exported = await enforcement.post('/api/share/export').send(exportBody({ ring: RING_ID }));
      expect([exported.status, errorOf(exported).code]).toEqual([409, 'share_not_configured']);
      expect(errorOf(exported).message).toContain('set RINGSCOPE_SHARE_KEYS_DIR');
      const imported = await enforcement.post('/api/share/import').send({ partner: 'douane', package: '{}' });
      expect([imported.status, errorOf(imported).code]).toEqual([409, 'share_not_configured']);
      expect(ShareWhoami.parse((await enforcement.get('/api/share/whoami')).body).partners).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});

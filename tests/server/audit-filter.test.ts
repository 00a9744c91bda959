// The audit trail filtered by day range (from, to: inclusive days) together with action and user,
// as the admin screen asks for it; a range that ends before it starts is refused naming `from`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntriesAnswer } from '../../src/api/users.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';

let h: Harness;
let admin: Agent;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.as('admin');
  const created = await admin
    .post('/api/users')
    .send({ username: 'ana.lyst', role: 'investigator', password: 'a long enough passphrase 1' });
  expect(created.status).toBe(201);
});
afterAll(() => h.close());

const day = (iso: string, shift: number) =>
  new Date(Date.parse(`${iso.slice(0, 10)}T12:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);

async function entries(query: Record<string, string>) {
  const res = await admin.get('/api/audit').query(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return bodyOf(AuditEntriesAnswer, res).entries;
}

describe('audit trail by day range', () => {
  it('keeps the entries of the days asked, with action and user', async () => {
    const [made] = await entries({ action: 'user_admin', user: 'admin' });
    if (!made) throw new Error('no user_admin entry');
    expect(made).toMatchObject({ target: 'ana.lyst', detail: { what: 'created', role: 'investigator' } });
    const today = made.at.slice(0, 10);
    const sameDay = await entries({ action: 'user_admin', user: 'admin', from: today, to: today });
    expect(sameDay.map((e) => e.seq)).toEqual([made.seq]);
    expect(await entries({ action: 'user_admin', from: day(today, 1) })).toEqual([]);
    expect(await entries({ action: 'user_admin', to: day(today, -1) })).toEqual([]);
    expect((await entries({ action: 'user_admin', from: day(today, -1), to: day(today, 1) })).length).toBe(1);
  });

  it('refuses a range that ends before it starts, and a date that is not a day', async () => {
    const backwards = await admin.get('/api/audit').query({ from: '2025-03-02', to: '2025-03-01' });
    expect(backwards.status).toBe(400);
    expect(errorOf(backwards).issues).toEqual([
      { path: 'query.from', message: 'from must be on or before to' },
    ]);
    const notADay = await admin.get('/api/audit').query({ from: '2025-3-1' });
    expect(notADay.status).toBe(400);
    expect(errorOf(notADay).issues).toEqual([{ path: 'query.from', message: 'a date as YYYY-MM-DD' }]);
  });
});

// The live lane: a red-lane line raises an alert that arrives on the SSE stream after its
// `scored` event; a declaration naming a watch-listed party raises a watch-list alert; alerts are
// acknowledged once; a client reconnecting with Last-Event-ID gets the alerts it missed first;
// the most recent scored declarations are listed newest first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Alert, AlertsAnswer, LiveAnswer, LiveDeclaration, WatchEntry } from '../../src/api/alerts.ts';
import { ScoreAnswer } from '../../src/api/risk.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { startHarness, passwordOf, type Harness } from './support/harness.ts';
import { GREEN_LINE, RED_LINE, writeTestModel } from './support/risk-model.ts';
import { sessionCookie, SseReader } from './support/sse-reader.ts';

let dir: string;
let h: Harness;
let cookie: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'live-lane-'));
  h = await startHarness({ config: { riskModel: writeTestModel(dir) } });
  cookie = await sessionCookie(h.origin, 'investigator', passwordOf('investigator'));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const openStream = async (lastEventId?: string): Promise<SseReader> => {
  const reader = await SseReader.open(`${h.origin}/api/risk/stream`, cookie, lastEventId);
  // The first comment says the stream is subscribed: anything published from now on arrives.
  expect((await reader.next()).comment).toBe('connected');
  return reader;
};

async function score(declarationId: string, lines = [RED_LINE, GREEN_LINE]): Promise<ScoreAnswer> {
  const res = await (
    await h.as('enforcement')
  )
    .post('/api/declarations/score')
    .send({ declaration_id: declarationId, lines });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return bodyOf(ScoreAnswer, res);
}

describe('alerts on the stream', () => {
  it('a red-lane line raises one alert, streamed after the declaration’s scored event', async () => {
    const stream = await openStream();
    try {
      const answer = await score('LIVE-1');
      expect(answer.lines.map((l) => l.lane)).toEqual(['red', 'green']);
      expect(answer.stored).toBe(false);
      expect(answer.alerts).toHaveLength(1);
      const [alertId] = answer.alerts;

      const scored = await stream.nextEvent();
      expect(scored.event).toBe('scored');
      const live = LiveDeclaration.parse(JSON.parse(scored.data!));
      expect(live).toMatchObject({
        declaration_id: 'LIVE-1',
        scored_by: 'enforcement',
        stored: false,
        lane: 'red',
        importer_key: 'Importer:I10',
        model: answer.model.content_hash,
      });
      expect(live.lines.map((l) => [l.line, l.lane])).toEqual([
        [1, 'red'],
        [2, 'green'],
      ]);

      const raised = await stream.nextEvent();
      expect(raised.event).toBe('alert');
      expect(raised.id).toBe(String(alertId));
      const alert = Alert.parse(JSON.parse(raised.data!));
      expect(alert).toMatchObject({
        id: alertId,
        kind: 'red_lane',
        declaration_id: 'LIVE-1',
        line: 1,
        party_key: 'Importer:I10',
        score: answer.lines[0]!.score,
        lane: 'red',
        reasons: answer.lines[0]!.reasons,
        model: answer.model.content_hash,
        acknowledged_by: null,
      });
      expect(h.services.audit.list({ limit: 1, action: 'score' })[0]).toMatchObject({
        target: 'LIVE-1',
        detail: { stored: false, alerts: [alertId] },
      });
    } finally {
      stream.close();
    }
  });

  it('a green declaration raises none', async () => {
    expect((await score('LIVE-2', [GREEN_LINE])).alerts).toEqual([]);
  });

  it('a declaration naming a watch-listed party raises a watch-list alert, until the entry is removed', async () => {
    const officer = await h.as('case_officer');
    const added = await officer
      .post('/api/watchlist')
      .send({ party_key: 'Broker:B4', reason: 'shares an address with a seized importer' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const entry = bodyOf(WatchEntry, added);
    expect(entry).toMatchObject({ party_key: 'Broker:B4', added_by: 'case-officer' });
    const again = await officer.post('/api/watchlist').send({ party_key: 'Broker:B4', reason: 'twice' });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('already_watched');
    const listed = await (await h.as('investigator')).get('/api/watchlist');
    expect(listed.body).toEqual({ entries: [entry] });

    const answer = await score('LIVE-3', [GREEN_LINE]);
    expect(answer.alerts).toHaveLength(1);
    const open = bodyOf(
      AlertsAnswer,
      await (await h.as('investigator')).get('/api/alerts?open=true&limit=1'),
    );
    expect(open.alerts[0]).toMatchObject({
      id: answer.alerts[0],
      kind: 'watch_list',
      declaration_id: 'LIVE-3',
      line: null,
      party_key: 'Broker:B4',
      score: answer.lines[0]!.score,
      lane: 'green',
      reasons: ['Broker:B4 is on the watch list: shares an address with a seized importer'],
    });

    const removed = await officer.delete(`/api/watchlist/${entry.id}`);
    expect(removed.status).toBe(200);
    expect(h.services.audit.list({ limit: 1, action: 'watch_list' })[0]).toMatchObject({
      username: 'case-officer',
      target: 'Broker:B4',
      detail: { change: 'removed', entry: entry.id },
    });
    expect((await officer.delete(`/api/watchlist/${entry.id}`)).status).toBe(404);
    expect((await score('LIVE-4', [GREEN_LINE])).alerts).toEqual([]);
  });

  it('an alert is acknowledged once, leaves the open list, and the first acknowledgement stays', async () => {
    const [id] = (await score('LIVE-5')).alerts;
    const acknowledged = await (await h.as('enforcement')).post(`/api/alerts/${id}/acknowledge`);
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    const alert = bodyOf(Alert, acknowledged);
    expect(alert.acknowledged_by).toBe('enforcement');
    const second = bodyOf(Alert, await (await h.as('admin')).post(`/api/alerts/${id}/acknowledge`));
    expect([second.acknowledged_by, second.acknowledged_at]).toEqual(['enforcement', alert.acknowledged_at]);
    const open = bodyOf(
      AlertsAnswer,
      await (await h.as('investigator')).get('/api/alerts?open=true&limit=500'),
    );
    expect(open.alerts.map((a) => a.id)).not.toContain(id);
    const done = bodyOf(AlertsAnswer, await (await h.as('investigator')).get('/api/alerts?open=false'));
    expect(done.alerts.map((a) => a.id)).toEqual([id]);
    expect((await (await h.as('admin')).post('/api/alerts/99999/acknowledge')).status).toBe(404);
    expect(h.services.audit.list({ limit: 1, action: 'acknowledge_alert' })[0]).toMatchObject({
      username: 'admin',
      target: String(id),
    });
  });

  it('a client reconnecting with Last-Event-ID gets the alerts it missed, in order, before live events', async () => {
    const first = await openStream();
    const [seen] = (await score('LIVE-6')).alerts;
    expect((await first.nextEvent()).event).toBe('scored');
    expect((await first.nextEvent()).id).toBe(String(seen));
    first.close();

    const missed = [...(await score('LIVE-7')).alerts, ...(await score('LIVE-8')).alerts];
    expect(missed).toEqual([seen! + 1, seen! + 2]);
    const again = await openStream(String(seen));
    try {
      const backlog = [await again.nextEvent(), await again.nextEvent()];
      expect(backlog.map((f) => [f.event, f.id])).toEqual(missed.map((id) => ['alert', String(id)]));
      expect(backlog.map((f) => Alert.parse(JSON.parse(f.data!)).declaration_id)).toEqual([
        'LIVE-7',
        'LIVE-8',
      ]);
      const [next] = (await score('LIVE-9')).alerts;
      const live = await again.nextEvent();
      // Every event carries the last alert id, so Last-Event-ID stays an alert id.
      expect([live.event, live.id]).toEqual(['scored', String(seen! + 2)]);
      expect(await again.nextEvent()).toMatchObject({ event: 'alert', id: String(next) });
    } finally {
      again.close();
    }
  });

  it('refuses a Last-Event-ID that is not an event id', async () => {
    await expect(SseReader.open(`${h.origin}/api/risk/stream`, cookie, 'abc')).rejects.toThrow(
      /answered 400/,
    );
  });
});

describe('GET /api/declarations/live', () => {
  it('lists the most recent scored declarations, newest first', async () => {
    await score('LIVE-10', [GREEN_LINE]);
    const res = await (await h.as('investigator')).get('/api/declarations/live?limit=2');
    expect(res.status).toBe(200);
    const { declarations } = bodyOf(LiveAnswer, res);
    expect(declarations.map((d) => [d.declaration_id, d.lane])).toEqual([
      ['LIVE-10', 'green'],
      ['LIVE-9', 'red'],
    ]);
    // Each entry names the model version that scored it, as its audit entry does.
    const served = h.services.riskModel.current()!.file.contentHash;
    expect(declarations.map((d) => d.model)).toEqual([served, served]);
    const audited = h.services.audit.list({ limit: 1, action: 'score' })[0];
    expect(audited).toMatchObject({ target: 'LIVE-10', detail: { model: served } });
  });
});

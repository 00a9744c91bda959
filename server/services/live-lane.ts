// The live lane: one arriving declaration from end to end. It is stored when asked (all or
// nothing), scored, kept among the most recent scored declarations (in memory, the last
// LIVE_LANE_SIZE; lost on restart), and its red-lane lines and watch-listed parties raise alerts;
// the scored declaration and each alert go out to every open stream.
import type { Alert, AlertsQuery, LiveDeclaration } from '../../src/api/alerts.ts';
import type { ScoreAnswer, ScoreDeclarationBody, ScoredDeclaration } from '../../src/api/risk.ts';
import type { ScoreQuery } from '../../src/api/alerts.ts';
import { nodeKey } from '../../src/model/index.ts';
import type { z } from 'zod';
import type { User } from '../auth/users.ts';
import { forbidden } from '../http/errors.ts';
import type { StreamEvent } from '../http/sse.ts';
import { allows, DECLARATION_WRITERS } from '../policies.ts';
import type { Alerts, NewAlert } from './alerts.ts';
import { CATCH_UP_LIMIT } from './alerts.ts';
import type { DeclarationIntake } from './declaration-intake.ts';
import type { DeclarationScoring } from './declaration-scoring.ts';
import type { LiveEvents } from './live-events.ts';
import type { WatchList } from './watch-list.ts';

/** How many scored declarations GET /api/declarations/live can answer. */
export const LIVE_LANE_SIZE = 200;

const LANE_ORDER = { green: 0, amber: 1, red: 2 } as const;

const PARTY_FIELDS = [
  ['Importer', 'importer_id'],
  ['Broker', 'broker_id'],
  ['Consignee', 'consignee_id'],
  ['Supplier', 'supplier_id'],
] as const;

/** Every party the declaration names, as node keys, each once, in line order. */
function partyKeys(body: ScoreDeclarationBody): string[] {
  const keys = new Set<string>();
  for (const line of body.lines)
    for (const [label, field] of PARTY_FIELDS) {
      const id = line[field];
      if (id !== undefined) keys.add(nodeKey({ label, id }));
    }
  return [...keys];
}

function highestLane(scored: ScoredDeclaration): LiveDeclaration['lane'] {
  let lane: LiveDeclaration['lane'] = 'green';
  for (const l of scored.lines) if (LANE_ORDER[l.lane] > LANE_ORDER[lane]) lane = l.lane;
  return lane;
}

export interface LiveLaneParts {
  scoring: DeclarationScoring;
  intake: DeclarationIntake;
  watchList: WatchList;
  alerts: Alerts;
  events: LiveEvents;
  now?: () => Date;
}

export class LiveLane {
  private readonly recent: LiveDeclaration[] = [];
  private readonly now: () => Date;

  constructor(private readonly parts: LiveLaneParts) {
    this.now = parts.now ?? (() => new Date());
  }

  async score(user: User, body: ScoreDeclarationBody, query: ScoreQuery): Promise<ScoreAnswer> {
    const store = query.store === 'true';
    if (store && !allows(DECLARATION_WRITERS, user.role))
      throw forbidden('storing a declaration (store=true) takes the enforcement or admin role');
    // Nothing is stored when it could not be scored.
    await this.parts.scoring.model();
    if (store) await this.parts.intake.store(body);
    const scored = await this.parts.scoring.score(body, { reasons: query.reasons ?? 'flagged' });
    const live = this.remember(user, body, scored, store);
    const alerts = await this.parts.alerts.raiseGrouped(this.alertsOf(body, scored, live.lane));
    // The scored event carries the last alert id before its own alerts: a client that drops
    // between it and them asks for them again. Events go out once the alerts are stored.
    const before = alerts.length > 0 ? alerts[0]!.id - 1 : this.parts.alerts.lastId();
    const { events } = this.parts;
    events.publish({ event: 'scored', id: before, data: live });
    for (const alert of alerts) events.publish({ event: 'alert', id: alert.id, data: alert });
    return { ...scored, stored: store, alerts: alerts.map((a) => a.id) };
  }

  /** The most recent scored declarations, newest first. */
  recentDeclarations(limit = LIVE_LANE_SIZE): LiveDeclaration[] {
    return this.recent.slice(-limit).reverse();
  }

  listAlerts(query: z.infer<typeof AlertsQuery>): Alert[] {
    return this.parts.alerts.list(query);
  }

  acknowledge(id: number, username: string): Alert {
    return this.parts.alerts.acknowledge(id, username);
  }

  /**
   * What a stream opened with this Last-Event-ID gets: the alerts after it (at most
   * CATCH_UP_LIMIT), then every live event. Without one, live events only.
   */
  stream(lastEventId: number | null): {
    backlog: StreamEvent[];
    subscribe: (send: (event: StreamEvent) => void) => () => void;
  } {
    const missed =
      lastEventId === null ? [] : this.parts.alerts.list({ after: lastEventId, limit: CATCH_UP_LIMIT });
    return {
      backlog: missed.map((alert) => ({ id: alert.id, event: 'alert', data: alert })),
      subscribe: (send) => this.parts.events.subscribe(send),
    };
  }

  private remember(
    user: User,
    body: ScoreDeclarationBody,
    scored: ScoredDeclaration,
    stored: boolean,
  ): LiveDeclaration {
    const first = body.lines[0]!;
    const live: LiveDeclaration = {
      declaration_id: body.declaration_id,
      scored_at: this.now().toISOString(),
      scored_by: user.username,
      stored,
      lane: highestLane(scored),
      importer_key: nodeKey({ label: 'Importer', id: first.importer_id }),
      model: scored.model.content_hash,
      lines: scored.lines.map((l) => ({ line: l.line, score: l.score, lane: l.lane, reasons: l.reasons })),
    };
    this.recent.push(live);
    if (this.recent.length > LIVE_LANE_SIZE) this.recent.shift();
    return live;
  }

  /** One alert per red-lane line, one per watch-listed party the declaration names. */
  private alertsOf(body: ScoreDeclarationBody, scored: ScoredDeclaration, lane: Alert['lane']): NewAlert[] {
    const model = scored.model.content_hash;
    const red: NewAlert[] = scored.lines.flatMap((l, i) =>
      l.lane !== 'red'
        ? []
        : [
            {
              kind: 'red_lane' as const,
              declaration_id: body.declaration_id,
              line: l.line,
              party_key: nodeKey({ label: 'Importer', id: body.lines[i]!.importer_id }),
              score: l.score,
              lane: l.lane,
              reasons: l.reasons,
              model,
            },
          ],
    );
    const top = Math.max(...scored.lines.map((l) => l.score));
    const watched: NewAlert[] = this.parts.watchList.matching(partyKeys(body)).map((entry) => ({
      kind: 'watch_list' as const,
      declaration_id: body.declaration_id,
      line: null,
      party_key: entry.party_key,
      score: top,
      lane,
      reasons: [`${entry.party_key} is on the watch list: ${entry.reason}`],
      model,
    }));
    return [...red, ...watched];
  }
}

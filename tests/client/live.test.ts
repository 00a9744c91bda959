// The explorer's live side of risk, its pure parts: the live lane and open alerts reducer
// (newest first, each once, acknowledged ones gone, the last alert id kept for catching up),
// how the panels phrase a scored declaration, and reading the inspection-result form.
import { describe, expect, it } from 'vitest';
import { ApiError, describeError } from '../../client/src/api/http.ts';
import type { Alert, LiveDeclaration } from '../../client/src/api/schemas.ts';
import { declarationLineOf } from '../../client/src/panels/EntityPanel.tsx';
import { inspectionBody, NO_RESULT } from '../../client/src/panels/entity/inspection.ts';
import { alertTitle, flaggedLines, partyTitle, percent } from '../../client/src/panels/live/text.ts';
import { INITIAL_LIVE, LIVE_LANE_SIZE, liveReducer } from '../../client/src/state/live.ts';

function scored(id: string, at: string, lines: LiveDeclaration['lines'] = []): LiveDeclaration {
  return {
    declaration_id: id,
    scored_at: at,
    scored_by: 'admin',
    stored: false,
    lane: 'green',
    importer_key: 'Importer:IM-1',
    model: `sha256:${'0'.repeat(64)}`,
    lines,
  };
}

function alert(id: number, acknowledged = false): Alert {
  return {
    id,
    kind: 'red_lane',
    declaration_id: `D-${id}`,
    line: 1,
    party_key: 'Importer:IM-1',
    score: 0.9,
    lane: 'red',
    reasons: [],
    model: 'sha256:abc',
    created_at: '2026-12-07T10:00:00.000Z',
    acknowledged_by: acknowledged ? 'officer' : null,
    acknowledged_at: acknowledged ? '2026-12-07T10:05:00.000Z' : null,
  };
}

describe('the live lane', () => {
  it('lists declarations newest first, whichever order they arrive in', () => {
    let state = liveReducer(INITIAL_LIVE, {
      type: 'live/scored',
      declarations: [scored('A', '2026-12-07T10:00:01Z'), scored('C', '2026-12-07T10:00:03Z')],
    });
    state = liveReducer(state, { type: 'live/scored', declarations: [scored('B', '2026-12-07T10:00:02Z')] });
    expect(state.declarations.map((d) => d.declaration_id)).toEqual(['C', 'B', 'A']);
  });

  it('keeps a declaration seen in the list and on the stream once, and a rescoring as a new entry', () => {
    const first = scored('A', '2026-12-07T10:00:01Z');
    let state = liveReducer(INITIAL_LIVE, { type: 'live/scored', declarations: [first] });
    state = liveReducer(state, { type: 'live/scored', declarations: [{ ...first }] });
    expect(state.declarations).toHaveLength(1);
    state = liveReducer(state, { type: 'live/scored', declarations: [scored('A', '2026-12-07T10:09:00Z')] });
    expect(state.declarations.map((d) => d.scored_at)).toEqual([
      '2026-12-07T10:09:00Z',
      '2026-12-07T10:00:01Z',
    ]);
  });

  it(`keeps the newest ${LIVE_LANE_SIZE}`, () => {
    const many = Array.from({ length: LIVE_LANE_SIZE + 5 }, (_, i) =>
      scored(
        `D${i}`,
        `2026-12-07T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
      ),
    );
    const state = liveReducer(INITIAL_LIVE, { type: 'live/scored', declarations: many });
    expect(state.declarations).toHaveLength(LIVE_LANE_SIZE);
    expect(state.declarations[0]?.declaration_id).toBe(`D${LIVE_LANE_SIZE + 4}`);
    expect(state.declarations.at(-1)?.declaration_id).toBe('D5');
  });
});

describe('open alerts', () => {
  it('lists open alerts newest first, each once, and remembers the highest id for catching up', () => {
    let state = liveReducer(INITIAL_LIVE, { type: 'alerts/raised', alerts: [alert(3), alert(1)] });
    state = liveReducer(state, { type: 'alerts/raised', alerts: [alert(3), alert(7)] });
    expect(state.alerts.map((a) => a.id)).toEqual([7, 3, 1]);
    expect(state.lastAlertId).toBe(7);
  });

  it('an acknowledged alert leaves the list, but still counts as seen', () => {
    let state = liveReducer(INITIAL_LIVE, { type: 'alerts/raised', alerts: [alert(1), alert(2)] });
    state = liveReducer(state, { type: 'alerts/acknowledged', id: 1 });
    expect(state.alerts.map((a) => a.id)).toEqual([2]);
    state = liveReducer(state, { type: 'alerts/raised', alerts: [alert(2, true), alert(9, true)] });
    expect(state.alerts).toEqual([]);
    expect(state.lastAlertId).toBe(9);
  });

  it('an empty catch-up keeps the last id', () => {
    const state = liveReducer({ ...INITIAL_LIVE, lastAlertId: 4 }, { type: 'alerts/raised', alerts: [] });
    expect(state.lastAlertId).toBe(4);
  });
});

describe('how the live panels phrase things', () => {
  it('shows the red and amber lines of a declaration, highest score first', () => {
    const d = scored('A', '2026-12-07T10:00:01Z', [
      { line: 1, score: 0.1, lane: 'green', reasons: [] },
      { line: 2, score: 0.4, lane: 'amber', reasons: ['x'] },
      { line: 3, score: 0.95, lane: 'red', reasons: ['y'] },
    ]);
    expect(flaggedLines(d).map((l) => l.line)).toEqual([3, 2]);
  });

  it('names parties, scores and alerts in words', () => {
    expect(partyTitle('Importer:IM-0042')).toBe('IM-0042 (importer)');
    expect(percent(0.91349)).toBe('91.3%');
    expect(alertTitle(alert(5))).toBe('Red lane: D-5 line 1');
    expect(alertTitle({ ...alert(6), kind: 'watch_list', line: null, lane: null })).toBe(
      'Watched party: D-6',
    );
  });
});

describe('the inspection-result form', () => {
  it('asks whether anything was found before sending', () => {
    expect(inspectionBody('D-1', 2, NO_RESULT)).toBe('Say whether anything was found.');
  });

  it('sends found, the amount and trimmed notes; leaves out what is blank', () => {
    expect(inspectionBody('D-1', 2, { found: 'yes', revenue: ' 1,250.50 ', notes: ' undervalued ' })).toEqual(
      {
        declaration_id: 'D-1',
        line: 2,
        found: true,
        revenue_recovered: 1250.5,
        notes: 'undervalued',
      },
    );
    expect(inspectionBody('D-1', 2, { found: 'no', revenue: '', notes: '  ' })).toEqual({
      declaration_id: 'D-1',
      line: 2,
      found: false,
    });
  });

  it('refuses an amount that is not one, saying what was typed', () => {
    expect(inspectionBody('D-1', 1, { found: 'yes', revenue: '12 euros', notes: '' })).toBe(
      'Revenue recovered: "12 euros" is not an amount; give a number such as 1250.50.',
    );
    expect(inspectionBody('D-1', 1, { found: 'yes', revenue: '-5', notes: '' })).toMatch(/not an amount/);
  });

  it('finds the declaration and line of a Shipment node, and none on a party', () => {
    const node = {
      key: 'Shipment:D-1/2',
      label: 'Shipment' as const,
      id: 'D-1/2',
      name: '',
      props: { declarationId: 'D-1', line: 2 },
      risk: null,
      source: null,
    };
    expect(declarationLineOf(node)).toEqual({ declarationId: 'D-1', line: 2 });
    expect(declarationLineOf({ ...node, key: 'Importer:D-1', label: 'Importer' })).toBeNull();
  });
});

describe('a refused request', () => {
  it('names the fields the server refused, instead of "see issues"', () => {
    const error = new ApiError(400, {
      code: 'invalid_request',
      message: 'the request body is not valid; see issues',
      requestId: 'r-1',
      issues: [{ path: 'body.notes', message: 'contains a bidirectional control character; remove it' }],
    });
    expect(describeError(error)).toBe(
      'the request body is not valid: body.notes: contains a bidirectional control character; remove it (request r-1)',
    );
    expect(error.issues).toHaveLength(1);
  });

  it('names three fields at most, and says how many more', () => {
    const issues = ['a', 'b', 'c', 'd', 'e'].map((path) => ({ path, message: 'required' }));
    const error = new ApiError(400, { code: 'invalid_request', message: 'not valid; see issues', issues });
    expect(error.message).toBe('not valid: a: required; b: required; c: required (and 2 more)');
  });

  it('keeps a message without issues as it is', () => {
    expect(new ApiError(403, { code: 'forbidden', message: 'not allowed' }).message).toBe('not allowed');
  });
});

// The pure parts of the explorer's panels: the label filter, the next expansion's size, the
// case panels' input reading, and how a job's end is phrased.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/api/http.ts';
import { parseDeclarationIds, stampToMinute, statusChoices } from '../../client/src/panels/cases/text.ts';
import {
  failed,
  finished,
  LOST_CONNECTION,
  parseData,
  refused,
  reportCaption,
} from '../../client/src/panels/jobs/outcome.ts';
import { SHOWN_LABELS, toggledLabels } from '../../client/src/state/filters.ts';
import { EXPAND_LIMIT, expansionLimit } from '../../client/src/useExplorerActions.ts';

describe('the label filter', () => {
  it('offers every label but Case', () => {
    expect(SHOWN_LABELS).not.toContain('Case');
    expect(SHOWN_LABELS).toContain('Importer');
  });

  it('turning one label off from "all" lists every other label', () => {
    const next = toggledLabels([], 'Phone');
    expect(next).toHaveLength(SHOWN_LABELS.length - 1);
    expect(next).not.toContain('Phone');
  });

  it('turning the last hidden label back on shows all again (the empty list)', () => {
    expect(toggledLabels(toggledLabels([], 'Phone'), 'Phone')).toEqual([]);
  });

  it('toggles a label within a partial list', () => {
    expect(toggledLabels(['Importer', 'Broker'], 'Broker')).toEqual(['Importer']);
    expect(toggledLabels(['Importer'], 'Broker')).toEqual(['Importer', 'Broker']);
  });
});

describe('the size of the next expansion', () => {
  it('starts at the default, repeats the last, and doubles for "more…"', () => {
    expect(expansionLimit(undefined, false)).toBe(EXPAND_LIMIT);
    expect(expansionLimit(undefined, true)).toBe(EXPAND_LIMIT);
    expect(expansionLimit({ limit: 50 }, false)).toBe(50);
    expect(expansionLimit({ limit: 50 }, true)).toBe(100);
  });
});

describe('case input and wording', () => {
  it('reads declaration lines separated by commas, spaces or both', () => {
    expect(parseDeclarationIds(' D1/1, D1/2  D2/1,,')).toEqual(['D1/1', 'D1/2', 'D2/1']);
    expect(parseDeclarationIds('')).toEqual([]);
  });

  it('offers the known statuses, and a current one the list lacks', () => {
    expect(statusChoices('open')).toEqual(['open', 'in_review', 'referred', 'closed']);
    expect(statusChoices('archived')).toEqual(['open', 'in_review', 'referred', 'closed', 'archived']);
  });

  it('shows a timestamp to the minute', () => {
    expect(stampToMinute('2026-01-02T03:04:05.678Z')).toBe('2026-01-02 03:04');
  });
});

describe("a job's outcome", () => {
  it('reads event data as JSON, and anything else as null', () => {
    expect(parseData('{"done":3}')).toEqual({ done: 3 });
    expect(parseData('not json')).toBeNull();
    expect(parseData(undefined)).toBeNull();
  });

  it('names the finished job', () => {
    expect(finished('ingest')).toEqual({ ok: true, message: 'Ingest finished.', problems: [], total: 0 });
    expect(finished('detect').message).toBe('Detection finished.');
  });

  it("carries a failure's row problems and their total", () => {
    const problem = { file: 'a.csv', row: 2, column: 'date', code: 'invalid_date', message: 'not a date' };
    expect(failed({ message: 'refused', problems: [problem], total: 9 })).toEqual({
      ok: false,
      message: 'refused',
      problems: [problem],
      total: 9,
    });
    expect(failed({ message: 'stopped' })).toEqual({ ok: false, message: 'stopped', problems: [], total: 0 });
    expect(LOST_CONNECTION.ok).toBe(false);
  });

  it('says why a job was refused to start', () => {
    const apiError = new ApiError(415, {
      code: 'unsupported_media_type',
      message: 'send multipart/form-data',
    });
    expect(refused(apiError)).toEqual({
      ok: false,
      message: expect.stringContaining('send multipart/form-data') as unknown,
      problems: [],
      total: 0,
    });
    expect(refused(new Error('offline'))).toMatchObject({ ok: false, problems: [], total: 0 });
  });

  it('captions the row report with how many problems are shown', () => {
    expect(reportCaption(1, 1)).toBe('1 problem');
    expect(reportCaption(3, 0)).toBe('3 problems');
    expect(reportCaption(200, 1500)).toBe('First 200 of 1500 problems');
  });
});

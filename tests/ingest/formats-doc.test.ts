// docs/formats.md is the published contract of ingest: every error code (with its meaning),
// every preset and every canonical column must be in it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../src/ingest/presets/index.ts';
import { PROBLEM_CODES } from '../../src/ingest/problems.ts';
import { DECLARATION_FIELDS, ENTITY_FIELDS } from '../../src/ingest/fields.ts';

const formats = readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8');

/** The two-column rows `| \`code\` | meaning |` of the document's tables (padding ignored). */
function codeRows(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\|\s*`([a-z0-9_]+)`\s*\|\s*(.*?)\s*\|$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  return rows;
}

describe('docs/formats.md input formats', () => {
  it('lists every error code with its meaning', () => {
    const rows = codeRows(formats);
    for (const [code, meaning] of Object.entries(PROBLEM_CODES)) expect(rows.get(code), code).toBe(meaning);
  });

  it('lists no error code that ingest does not report', () => {
    const table = formats.slice(formats.indexOf('## Problems and error codes'));
    expect([...codeRows(table).keys()].sort()).toEqual(Object.keys(PROBLEM_CODES).sort());
  });

  it('documents every preset and every canonical column', () => {
    for (const preset of PRESET_NAMES) expect(formats).toContain(`\`${preset}\``);
    for (const field of [...Object.keys(DECLARATION_FIELDS), ...Object.keys(ENTITY_FIELDS)])
      expect(formats).toContain(`\`${field}\``);
  });
});

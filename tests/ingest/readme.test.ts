// The README is the published contract of ingest: every error code and preset must be in it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../src/ingest/presets/index.ts';
import { PROBLEM_CODES } from '../../src/ingest/problems.ts';
import { DECLARATION_FIELDS, ENTITY_FIELDS } from '../../src/ingest/fields.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README input formats', () => {
  it('lists every error code with its meaning', () => {
    for (const [code, meaning] of Object.entries(PROBLEM_CODES))
      expect(readme).toContain(`| \`${code}\` | ${meaning} |`);
  });

  it('documents every preset and every canonical column', () => {
    for (const preset of PRESET_NAMES) expect(readme).toContain(`\`${preset}\``);
    for (const field of [...Object.keys(DECLARATION_FIELDS), ...Object.keys(ENTITY_FIELDS)])
      expect(readme).toContain(`\`${field}\``);
  });
});

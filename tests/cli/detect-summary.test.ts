// What `ringscope detect` prints: rings by priority with score and revenue at risk, then leads.
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/cli/commands/detect.ts';
import type { DetectionOutcome } from '../../src/detection/run-detection.ts';
import type { Lead } from '../../src/model/index.ts';
import { ring } from '../detection/rings.ts';

const lead: Lead = {
  label: 'Importer',
  id: 'IM-7',
  detector: 'guilt_by_association',
  score: 0.6,
  reason: 'IM-7 ships to CO-9, whose goods were seized',
  path: [],
  evidence: { nodes: [], rels: [], declarations: [] },
};

function outcome(findings: Partial<DetectionOutcome['findings']>): DetectionOutcome {
  return {
    findings: {
      rings: [],
      leads: [],
      parties: [],
      targets: [],
      counts: { phoenix: 2 } as never,
      ...findings,
    },
  } as DetectionOutcome;
}

describe('ringscope detect summary', () => {
  it('prints rings in the given priority order with priority, score and revenue at risk, then leads', () => {
    const large = ring('R-phoenix-large', 'phoenix', 0.9, ['A', 'B'], 1_500_000);
    const small = ring('R-phoenix-small', 'phoenix', 0.9, ['C', 'D'], 61);
    expect(summarise(outcome({ rings: [large, small], leads: [lead] }))).toBe(
      [
        'Rings by typology:',
        '  phoenix                2',
        '',
        'Top rings (by priority: score and revenue at risk):',
        '  R-phoenix-large  priority 6.46  score 0.90    2 members  at risk 1.5 M',
        '      R-phoenix-large',
        '  R-phoenix-small  priority 2.51  score 0.90    2 members  at risk 61',
        '      R-phoenix-small',
        '',
        'Top leads (1; not rings):',
        '  Importer:IM-7  0.60  guilt_by_association',
        '      IM-7 ships to CO-9, whose goods were seized',
        '',
      ].join('\n'),
    );
  });

  it('says when there are no rings and no leads', () => {
    expect(summarise(outcome({}))).toContain('No rings found.\n\nNo leads.\n');
  });
});

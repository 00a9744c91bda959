// A lane as the explorer shows it: its colour and its word, never the colour alone.
import type { z } from 'zod';
import type { Lane as LaneSchema } from '../../api/schemas.ts';

type Lane = z.infer<typeof LaneSchema>;

export const LANE_TITLES: Record<Lane, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** What a lane asks of the officer, for the badge's tooltip. */
const LANE_MEANING: Record<Lane, string> = {
  red: 'inspect',
  amber: 'check the documents',
  green: 'release',
};

export function LaneBadge({ lane }: { lane: Lane }) {
  return (
    <span className={`lane lane-${lane}`} title={`${LANE_TITLES[lane]} lane: ${LANE_MEANING[lane]}`}>
      {LANE_TITLES[lane]}
    </span>
  );
}

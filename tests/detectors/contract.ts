// The checks every detector must pass: it names itself when given something that is not a
// detection view, rejects unknown options, and finds nothing in an empty world.
import { expect, it } from 'vitest';
import { DetectorInputError } from '../../src/detectors/input.ts';
import type { DetectionView } from '../../src/graph/view.ts';
import { World } from '../fixtures/world.ts';

export function detectorContract(
  name: string,
  detect: (view: DetectionView, options?: never) => readonly unknown[],
): void {
  it('rejects input that is not a detection view, naming the detector', () => {
    expect(() => detect({ graph: {} } as never)).toThrow(DetectorInputError);
    expect(() => detect(null as never)).toThrow(new RegExp(`^${name} detector:`));
  });

  it('rejects options it does not know', async () => {
    const view = await new World().view();
    expect(() => detect(view, { noSuchOption: 1 } as never)).toThrow(/invalid option/);
  });

  it('finds nothing in an empty world', async () => {
    expect(detect(await new World().view())).toEqual([]);
  });
}

// The named presets of `ringscope ingest --preset`. Canonical files are recognised whatever
// the preset, so a registry and a preset's declarations can be loaded in one call.
import { CANONICAL_DECLARATIONS, CANONICAL_ENTITIES, type Layout } from '../layout.ts';
import { KCS } from './kcs.ts';
import { WCO_BACUDA, WCO_BACUDA_DOTTED } from './wco-bacuda.ts';

export const PRESETS = {
  ringscope: [],
  'wco-bacuda': [WCO_BACUDA, WCO_BACUDA_DOTTED],
  kcs: [KCS],
} as const satisfies Record<string, readonly Layout[]>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** Layouts to try on a header, most specific first. */
export function layoutsFor(preset: PresetName, mapping?: Layout): Layout[] {
  if (mapping) return [mapping, CANONICAL_DECLARATIONS, CANONICAL_ENTITIES];
  return [...PRESETS[preset], CANONICAL_DECLARATIONS, CANONICAL_ENTITIES];
}

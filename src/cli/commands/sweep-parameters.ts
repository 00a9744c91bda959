// The world parameters `ringscope eval --sweep` can vary: for each, what it means, the values
// swept when none are given, and how one value on the command line becomes Meridian's parameters.
import {
  AdministrationName,
  MERIDIAN_DEFAULTS,
  MeridianParams,
  MeridianSize,
} from '../../../seed/meridian/params.ts';

export interface SweepValue {
  /** The text given (`0.4`, `40%`, `2-5`, `eu`). */
  value: string;
  /** Its place on the x axis: the number, a range's midpoint, or null for a name. */
  x: number | null;
  params: Partial<MeridianParams>;
}

interface SweepParameter {
  label: string;
  defaults: readonly string[];
  /** The Meridian parameter it sets, held at its default when another one is swept. */
  key: keyof typeof MERIDIAN_DEFAULTS | 'administration';
  read: (text: string) => Omit<SweepValue, 'value'>;
}

/** A share as `0.4` or `40%`. */
export function readShare(text: string): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const x = Number(percent ? trimmed.slice(0, -1) : trimmed);
  if (trimmed === '' || trimmed === '%' || !Number.isFinite(x))
    throw new Error(`"${text}" is not a share (write 0.4 or 40%)`);
  return percent ? x / 100 : x;
}

/** One number, or `MIN-MAX`, read by `one`. */
function readRange(text: string, one: (part: string) => number): [number, number] {
  const parts = text.split(/-(?=\s*[\d.])/).map(one);
  if (parts.length > 2) throw new Error(`"${text}" is not a value or a MIN-MAX range`);
  const [lo, hi = lo] = parts as [number, number?];
  return [lo, hi];
}

function readCount(text: string): number {
  const x = Number(text.trim());
  if (!Number.isInteger(x)) throw new Error(`"${text}" is not a whole number`);
  return x;
}

export const SWEEP_PARAMETERS = {
  undervaluation: {
    label: 'undervaluation depth (share of value left undeclared)',
    defaults: ['10%', '20%', '40%', '60%'],
    key: 'undervaluation',
    read: (text) => {
      const range = readRange(text, readShare);
      return { x: (range[0] + range[1]) / 2, params: { undervaluation: range } };
    },
  },
  'ring-size': {
    label: 'ring size (importers per ring)',
    defaults: ['2', '5', '10', '20'],
    key: 'ringSize',
    read: (text) => {
      const range = readRange(text, readCount);
      return { x: (range[0] + range[1]) / 2, params: { ringSize: range } };
    },
  },
  camouflage: {
    label: "camouflage (share of ring members' lines that are honest)",
    defaults: ['0', '20%', '35%', '60%', '80%'],
    key: 'camouflage',
    read: (text) => {
      const x = readShare(text);
      return { x, params: { camouflage: x } };
    },
  },
  'label-coverage': {
    label: 'label coverage (share of illicit lines seized)',
    defaults: ['3%', '12%', '30%', '60%'],
    key: 'labelCoverage',
    read: (text) => {
      const x = readShare(text);
      return { x, params: { labelCoverage: x } };
    },
  },
  administration: {
    label: 'administration (currency, de-minimis, offices)',
    defaults: AdministrationName.options,
    key: 'administration',
    read: (text) => {
      const parsed = AdministrationName.safeParse(text.trim());
      if (!parsed.success)
        throw new Error(`"${text}" is not one of ${AdministrationName.options.join(', ')}`);
      return { x: null, params: { administration: parsed.data } };
    },
  },
} as const satisfies Record<string, SweepParameter>;

export type SweepParameterName = keyof typeof SWEEP_PARAMETERS;
export const SWEEP_PARAMETER_NAMES = Object.keys(SWEEP_PARAMETERS) as SweepParameterName[];

/**
 * Reads the values of a sweep, each checked against Meridian's parameter ranges now, so a bad
 * value is refused before any world is built. Errors name the value.
 */
export function readSweepValues(parameter: SweepParameterName, list: readonly string[]): SweepValue[] {
  const spec: SweepParameter = SWEEP_PARAMETERS[parameter];
  if (list.length === 0) throw new Error('give at least one value, comma-separated');
  const values = list.map((text) => ({ value: text.trim(), ...spec.read(text) }));
  for (const v of values) {
    const parsed = MeridianParams.safeParse({ ...MERIDIAN_DEFAULTS, ...v.params });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`"${v.value}": ${issue?.message ?? 'out of range'} (${parameter})`);
    }
  }
  const seen = new Set<string>();
  for (const v of values) {
    const key = JSON.stringify(v.params);
    if (seen.has(key)) throw new Error(`"${v.value}" is the same world as an earlier value`);
    seen.add(key);
  }
  return values;
}

/** The Meridian parameters held at their defaults while `parameter` varies. */
export function fixedParameters(parameter: SweepParameterName): Record<string, unknown> {
  const key = SWEEP_PARAMETERS[parameter].key;
  const { size: _size, seed: _seed, ...rest } = MERIDIAN_DEFAULTS;
  const all: Record<string, unknown> = { ...rest, administration: 'drawn from the seed' };
  delete all[key];
  return all;
}

export const SWEEP_SIZES = MeridianSize.options;

// Node-key tests detectors use on the entity graph's keys (`Label:id`).
import { BUSINESS_LABELS } from '../model/index.ts';

const BUSINESS_PREFIXES = BUSINESS_LABELS.map((l) => `${l}:`);

export function isBusinessKey(key: string): boolean {
  return BUSINESS_PREFIXES.some((p) => key.startsWith(p));
}

export function labelOfKey(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

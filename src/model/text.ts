// Characters no text Ringscope keeps may hold, whoever wrote it: an ingest cell, a case title or
// note, an uploaded file's name. NUL and control characters break exports and terminals,
// bidirectional controls (U+202E and kin) disguise what a reader sees, and a lone surrogate is
// not Unicode at all (it cannot be written as UTF-8). Tab and newline are allowed.

export type TextProblemCode = 'nul_byte' | 'control_character' | 'bidi_control' | 'lone_surrogate';

export interface TextProblem {
  code: TextProblemCode;
  /** What was found, to follow "contains": `a NUL byte`. */
  found: string;
}

// One scan for everything, valid surrogate pairs included; the slow path names the problem.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPICIOUS = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character problem of the text, or null when it is clean. */
export function textProblem(text: string): TextProblem | null {
  if (!SUSPICIOUS.test(text)) return null;
  if (text.includes('\0')) return { code: 'nul_byte', found: 'a NUL byte' };
  if (BIDI.test(text)) {
    return {
      code: 'bidi_control',
      found: 'a bidirectional control character (U+202E and kin) that can disguise text',
    };
  }
  if (CONTROL.test(text)) return { code: 'control_character', found: 'a control character' };
  if (LONE_SURROGATE.test(text)) {
    return {
      code: 'lone_surrogate',
      found: 'a lone surrogate (half of a UTF-16 pair), which is not Unicode',
    };
  }
  return null;
}

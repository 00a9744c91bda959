// The character check shared by ingest cells and the text a user types into a case.
import { describe, expect, it } from 'vitest';
import { textProblem } from '../../src/model/text.ts';

const code = (text: string) => textProblem(text)?.code ?? null;

describe('textProblem', () => {
  it('names NUL, control characters, bidirectional controls and lone surrogates', () => {
    expect(code('a\u0000b')).toBe('nul_byte');
    expect(code('a\u001b[31mred')).toBe('control_character');
    expect(code('a\u007fb')).toBe('control_character');
    expect(code('invoice\u202Efdp.exe')).toBe('bidi_control');
    expect(code('\u2066isolate\u2069')).toBe('bidi_control');
    expect(code('lone high \ud800 here')).toBe('lone_surrogate');
    expect(code('lone low \udc00')).toBe('lone_surrogate');
    expect(code('reversed pair \udc00\ud800')).toBe('lone_surrogate');
    expect(code('\ud83d')).toBe('lone_surrogate');
  });

  it('passes tab, newline, accents, CJK and whole surrogate pairs', () => {
    for (const fine of [
      '',
      'plain',
      'tab\there',
      'two\r\nlines',
      'déclarations été',
      '中文',
      'ship \u{1F6A2}',
    ]) {
      expect(textProblem(fine), fine).toBeNull();
    }
  });
});

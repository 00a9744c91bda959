import { describe, expect, it } from 'vitest';
import { nameSearchKey, normaliseIdentifier } from '../../src/model/index.ts';

describe('normaliseIdentifier', () => {
  it('lets differently written addresses and e-mails meet', () => {
    expect(normaliseIdentifier('Address', '12, Harbour Rd.')).toBe(
      normaliseIdentifier('Address', ' 12 HARBOUR   rd '),
    );
    expect(normaliseIdentifier('Address', '12, Harbour Rd.')).toBe('12 harbour rd');
    expect(normaliseIdentifier('Email', 'Info@Acme.Example')).toBe(
      normaliseIdentifier('Email', 'info@acme.example'),
    );
    expect(normaliseIdentifier('Address', 'Straße 5\u00a0Köln')).toBe('straße 5 köln');
  });

  it('keeps phone digits only and drops a leading international 00', () => {
    expect(normaliseIdentifier('Phone', '+44 (20) 7946-0000')).toBe('442079460000');
    expect(normaliseIdentifier('Phone', '0044 20 7946 0000')).toBe('442079460000');
    expect(normaliseIdentifier('Phone', '020 7946 0000')).toBe('02079460000');
    expect(normaliseIdentifier('Phone', '１２３')).toBe('123');
  });

  it('upper-cases bank accounts and drops spacing and dashes', () => {
    expect(normaliseIdentifier('BankAccount', 'gb29 nwbk-6016 1331 9268 19')).toBe('GB29NWBK60161331926819');
  });

  it('answers null when nothing identifying is left', () => {
    expect(normaliseIdentifier('Phone', '-')).toBeNull();
    expect(normaliseIdentifier('Address', ' ,. ')).toBeNull();
    expect(normaliseIdentifier('BankAccount', '')).toBeNull();
  });

  it('gives names a trimmed lower-case search key', () => {
    expect(nameSearchKey('  ACME Trading ')).toBe('acme trading');
  });
});

// Normalisation of shared identifiers (addresses, phones, e-mails, bank accounts): two firms
// that wrote the same value differently must meet on one identifier node.
import type { IdentifierLabel } from './labels.ts';

export function normaliseIdentifier(label: IdentifierLabel, raw: string): string {
  switch (label) {
    case 'Address':
      return raw.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
    case 'Email':
      return raw.toLowerCase().replace(/\s+/g, '');
    case 'Phone':
      return raw.replace(/\D+/g, '').replace(/^00/, '');
    case 'BankAccount':
      return raw.toUpperCase().replace(/[^A-Z0-9]+/g, '');
  }
}

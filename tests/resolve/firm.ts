// A Dutch importer as entity resolution reads it: a name and nothing else unless given.
import type { PartyRecord } from '../../src/resolve/records.ts';

export const firm = (id: string, name: string, extra: Partial<PartyRecord> = {}): PartyRecord => ({
  label: 'Importer',
  id,
  name,
  country: 'NL',
  addresses: [],
  phones: [],
  emails: [],
  accounts: [],
  directors: [],
  ...extra,
});

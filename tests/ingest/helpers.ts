// Shared set-up of the ingest tests: a temporary directory, files written into it, a fresh
// embedded store, and a snapshot of what the store holds.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';

export const DECL_HEADER =
  'declaration_id,line,date,office,importer_id,importer_name,broker_id,broker_name,consignee_id,consignee_name,supplier_id,supplier_name,supplier_country,hs_code,description,origin_country,departure_country,quantity,net_mass_kg,gross_mass_kg,customs_value,currency,duty_paid,inspected,illicit,revenue_recovered';

/** A valid canonical declaration line; `over` replaces cells by column name. */
export function declRow(over: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    declaration_id: 'D1',
    line: '1',
    date: '2024-03-01',
    office: 'OF1',
    importer_id: 'IM1',
    importer_name: 'Harbour Trading Ltd',
    broker_id: 'BR1',
    broker_name: 'Quick Clear',
    consignee_id: 'CO1',
    consignee_name: 'City Stores',
    supplier_id: 'SU1',
    supplier_name: 'Shenzhen Parts',
    supplier_country: 'CN',
    hs_code: '0101210000',
    description: 'live horses',
    origin_country: 'CN',
    departure_country: 'HK',
    quantity: '2',
    net_mass_kg: '900',
    gross_mass_kg: '950.5',
    customs_value: '12000',
    currency: 'USD',
    duty_paid: '600',
    inspected: 'false',
    illicit: '',
    revenue_recovered: '',
  };
  const cells = { ...base, ...over };
  return DECL_HEADER.split(',')
    .map((c) => cells[c] ?? '')
    .join(',');
}

export const ENTITY_HEADER =
  'entity_id,kind,name,country,registered_on,closed_on,address,phone,email,bank_account,director_ids';

/** A declarations file of these rows. */
export const decl = (...rows: string[]): string => [DECL_HEADER, ...rows].join('\n') + '\n';
/** An entities file of these rows. */
export const ents = (...rows: string[]): string => [ENTITY_HEADER, ...rows].join('\n') + '\n';

export interface TestDir {
  dir: string;
  file(name: string, content: string | Buffer): Promise<string>;
  store(name?: string): Promise<GraphStore>;
  cleanup(): Promise<void>;
}

export async function testDir(): Promise<TestDir> {
  const dir = await mkdtemp(join(tmpdir(), 'ringscope-ingest-test-'));
  const stores: GraphStore[] = [];
  return {
    dir,
    async file(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    async store(name = 'store.db') {
      const store = await openStore({ db: join(dir, name) });
      stores.push(store);
      return store;
    },
    async cleanup() {
      for (const store of stores) await store.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Everything a failed import must leave untouched. */
export async function snapshot(store: GraphStore): Promise<unknown> {
  return { counts: await store.counts(), imports: (await store.listImports()).map((i) => i.fileHash).sort() };
}

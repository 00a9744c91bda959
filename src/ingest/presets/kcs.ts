// Korea Customs Service import declarations (Customs-Declaration-Datasets). Item Price is the
// assessed value in KRW; Tax Rate is a percentage; Critical Fraud is 0 (none), 1 (fraud) or
// 2 (critical); Seller is the supplier and Declarant the broker. Courier ID is kept as a
// property of the line, not a party: a courier carries goods, it neither buys nor declares.
import type { Layout } from '../layout.ts';

export const KCS: Layout = {
  name: 'kcs',
  kind: 'declarations',
  columns: {
    declaration_id: { column: 'Declaration ID' },
    date: { column: 'Date' },
    office: { column: 'Office ID' },
    broker_id: { column: 'Declarant ID' },
    importer_id: { column: 'Importer ID' },
    supplier_id: { column: 'Seller ID' },
    courier_id: { column: 'Courier ID' },
    hs_code: { column: 'HS6 Code', pad: 6 },
    departure_country: { column: 'Country of Departure' },
    origin_country: { column: 'Country of Origin' },
    duty_rate: { column: 'Tax Rate', scale: 0.01 },
    net_mass_kg: { column: 'Net Mass' },
    customs_value: { column: 'Item Price' },
    fraud: { column: 'Fraud' },
    critical_fraud: { column: 'Critical Fraud', values: { '0': 'false', '1': 'false', '2': 'true' } },
  },
  defaults: { currency: 'KRW' },
};

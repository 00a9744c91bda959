// WCO BACUDA / DATE layouts: the upper-case ASYCUDA extract and the dotted variant of the
// DATE research data. Customs value is the CIF value; FOB is kept beside it.
import type { Layout } from '../layout.ts';

export const WCO_BACUDA: Layout = {
  name: 'wco-bacuda',
  kind: 'declarations',
  columns: {
    declaration_id: { column: 'SGD_NUM' },
    date: { column: 'SGD_DATE' },
    importer_id: { column: 'IMPORTER_TIN' },
    importer_name: { column: 'IMPORTER_NAME' },
    broker_id: { column: 'DECLARANT_CODE' },
    broker_name: { column: 'DECLARANT_NAME' },
    office: { column: 'OFFICE_CODE' },
    origin_country: { column: 'ORIGIN_CODE' },
    hs_code: { column: 'HSCODE' },
    line: { column: 'ITM_NUM' },
    quantity: { column: 'INITIAL_ITM_QTY' },
    gross_mass_kg: { column: 'INITIAL_ITM_WEIGHT' },
    fob_value: { column: 'INITIAL_ITM_FOB' },
    customs_value: { column: 'INITIAL_ITM_CIF' },
    duty_paid: { column: 'INITIAL_ITM_TOTAL_TAX' },
  },
};

export const WCO_BACUDA_DOTTED: Layout = {
  name: 'wco-bacuda (dotted)',
  kind: 'declarations',
  columns: {
    declaration_id: { column: 'sgd.id' },
    date: { column: 'sgd.date' },
    importer_id: { column: 'importer.id' },
    broker_id: { column: 'declarant.id' },
    origin_country: { column: 'country' },
    office: { column: 'office.id' },
    hs_code: { column: 'tariff.code' },
    quantity: { column: 'quantity' },
    gross_mass_kg: { column: 'gross.weight' },
    fob_value: { column: 'fob.value' },
    customs_value: { column: 'cif.value' },
    duty_paid: { column: 'total.taxes' },
    illicit: { column: 'illicit' },
    revenue_recovered: { column: 'revenue' },
  },
};

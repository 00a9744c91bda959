// The customs administrations a Meridian world can belong to: currency, duty de-minimis and the
// exchange rate the world's dollar prices are written in.
import type { AdministrationName } from './params.ts';

export interface Administration {
  name: AdministrationName;
  /** Where the administration sits (importers, consignees and brokers are registered here). */
  country: string;
  currency: string;
  /** Declarations whose total declared value is below this pay no duty. */
  deMinimis: number;
  /** Units of `currency` per US dollar. */
  perUsd: number;
  /** Office codes. */
  offices: readonly string[];
  /** Phone country code, without `+`. */
  phonePrefix: string;
}

export const ADMINISTRATIONS: Record<AdministrationName, Administration> = {
  us: {
    name: 'us',
    country: 'US',
    currency: 'USD',
    deMinimis: 800,
    perUsd: 1,
    offices: ['2704', '1001', '5301', '3901', '2809'],
    phonePrefix: '1',
  },
  eu: {
    name: 'eu',
    country: 'NL',
    currency: 'EUR',
    deMinimis: 150,
    perUsd: 0.92,
    offices: ['NL000396', 'NL000854', 'NL003170', 'NL000510'],
    phonePrefix: '31',
  },
  uk: {
    name: 'uk',
    country: 'GB',
    currency: 'GBP',
    deMinimis: 135,
    perUsd: 0.79,
    offices: ['GBFXT001', 'GBLHR001', 'GBSOU001', 'GBDVR001'],
    phonePrefix: '44',
  },
  au: {
    name: 'au',
    country: 'AU',
    currency: 'AUD',
    deMinimis: 1000,
    perUsd: 1.52,
    offices: ['SYD', 'MEL', 'BNE', 'FRE'],
    phonePrefix: '61',
  },
  ca: {
    name: 'ca',
    country: 'CA',
    currency: 'CAD',
    deMinimis: 150,
    perUsd: 1.36,
    offices: ['0395', '0497', '0809', '0440'],
    phonePrefix: '1',
  },
  jp: {
    name: 'jp',
    country: 'JP',
    currency: 'JPY',
    deMinimis: 10000,
    perUsd: 150,
    offices: ['1A', '2B', '3C', '4D'],
    phonePrefix: '81',
  },
};

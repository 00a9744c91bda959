// Split shipments: one consignment cut into many low-value declarations, each just under the
// de-minimis value so none pays duty, sent in bursts of a few days to the same consignees.
import { DE_MINIMIS_VALUE, headingByCode } from '../catalogue.ts';
import { companyName, foreignAddress } from '../names.ts';
import { PERIOD_DAYS } from '../calendar.ts';
import {
  camouflage,
  emitLines,
  member,
  memberCount,
  newFirm,
  tradingDay,
  type PlantContext,
  type RingDraft,
} from './common.ts';

const LOW_VALUE_GOODS = ['6109', '6403', '4202', '6203', '9405'].map(headingByCode);

export function plant(ctx: PlantContext): RingDraft {
  const { rng, world } = ctx;
  const heading = rng.pick(LOW_VALUE_GOODS);
  const supplier = world.registry.add('supplier', {
    name: companyName(rng, 'CN'),
    country: 'CN',
    address: foreignAddress(rng, 'CN'),
    registeredDay: -rng.int(100, 2000),
  });
  const importers = Array.from({ length: rng.int(1, 2) }, () =>
    newFirm(ctx, 'importer', { registeredDay: rng.int(-400, 200) }),
  );
  const consignees = Array.from(
    { length: memberCount(rng, 1, 3, ctx.maxMembers - 1 - importers.length) },
    () => newFirm(ctx, 'consignee', { registeredDay: rng.int(-400, 200) }),
  );
  // Bursts: a few days in which one consignment arrives as many small declarations.
  let burstLeft = 0;
  let burstDay = 0;
  let burstConsignee = '';
  const next = () => {
    if (burstLeft <= 0) {
      burstLeft = rng.int(4, 15);
      burstDay = tradingDay(rng, 200, PERIOD_DAYS - 3);
      burstConsignee = rng.pick(consignees).id;
    }
    burstLeft--;
    return {
      day: burstDay + rng.int(0, 2),
      parties: {
        importerId: rng.pick(importers).id,
        brokerId: null,
        consigneeId: burstConsignee,
        supplierId: supplier.id,
      },
      maxLines: 1,
    };
  };
  const fair = () => ({
    day: tradingDay(rng, 200, PERIOD_DAYS),
    parties: {
      importerId: rng.pick(importers).id,
      brokerId: rng.pick(world.bigBrokers),
      consigneeId: rng.pick(consignees).id,
      supplierId: supplier.id,
    },
  });
  return {
    typology: 'split_shipments',
    description: `${heading.description} from one Chinese supplier split into declarations just under ${DE_MINIMIS_VALUE} EUR to ${consignees.length} consignee(s).`,
    members: [
      ...importers.map((f) => member(f, 'importer_of_record')),
      ...consignees.map((c) => member(c, 'split_consignee')),
      member(supplier, 'split_supplier'),
    ],
    declarations: [
      ...emitLines(ctx, ctx.illicitLines, next, () => ({
        heading,
        origin: 'CN',
        trueValue: DE_MINIMIS_VALUE * (0.7 + rng.next() * 0.29),
        noDutyPaid: true,
        illicit: true,
      })),
      ...camouflage(ctx, Math.round(ctx.illicitLines * 0.2), fair, () => heading),
    ],
  };
}

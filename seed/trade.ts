// Lawful trade: declarations drawn day by day from the importers' habits, in volumes that
// follow each firm's size and the season. Importers trade only while registered and open.
import { DE_MINIMIS_VALUE, OFFICES } from './catalogue.ts';
import { goodsLine } from './lines.ts';
import { Rng } from '../src/model/rng.ts';
import type { DeclarationDraft } from './types.ts';
import type { World } from './world.ts';

/** Hubs where goods from far origins are often transshipped before arriving. */
const TRANSIT_HUBS = ['SG', 'AE', 'GB', 'MA'] as const;

export class LawfulTrade {
  private readonly rng: Rng;

  constructor(
    seed: number,
    private readonly world: World,
  ) {
    this.rng = Rng.derive(seed, 'lawful-trade');
  }

  /** One lawful declaration on a day with at most `maxLines` lines. */
  declaration(day: number, maxLines: number): DeclarationDraft {
    const { rng, world } = this;
    let profile = world.importers[world.importerVolume.draw(rng)];
    for (let tries = 0; tries < 30 && (!profile || !world.registry.isActive(profile.id, day)); tries++) {
      profile = world.importers[world.importerVolume.draw(rng)];
    }
    if (!profile || !world.registry.isActive(profile.id, day))
      profile = world.importers.find((p) => world.registry.isActive(p.id, day));
    if (!profile) throw new Error(`seed: no importer is open on day ${day}`);
    const heading = rng.pick(profile.headings);
    const supplierId = rng.pick(profile.suppliersByHeading.get(heading.heading) ?? [null]);
    const origin = supplierId ? world.registry.get(supplierId).country : rng.weighted(heading.origins);
    const departure = rng.chance(0.08) ? rng.pick(TRANSIT_HUBS) : origin;
    const brokerId = rng.chance(0.9)
      ? profile.brokerId
      : (world.brokers[world.brokerShare.draw(rng)] ?? null);
    if (profile.lowValue) {
      const line = goodsLine(rng, {
        heading,
        origin,
        trueValue: DE_MINIMIS_VALUE * (0.1 + rng.next() * 0.89),
        noDutyPaid: true,
      });
      return {
        day,
        office: 'NLAMS01',
        importerId: profile.id,
        brokerId: null,
        consigneeId: rng.pick(profile.consignees),
        supplierId,
        ringId: null,
        lines: [line],
      };
    }
    const count = Math.min(maxLines, rng.geometric(0.55), 12);
    const lines = [];
    for (let i = 0; i < count; i++) {
      // Further lines are mostly the same goods in other sizes, sometimes another heading.
      const h = i > 0 && rng.chance(0.25) ? rng.pick(profile.headings) : heading;
      lines.push(
        goodsLine(rng, {
          heading: h,
          origin,
          departure,
          priceLevel: profile.priceLevel,
          massScale: profile.massScale,
        }),
      );
    }
    return {
      day,
      office: rng.weighted(OFFICES),
      importerId: profile.id,
      brokerId,
      consigneeId: rng.pick(profile.consignees),
      supplierId,
      ringId: null,
      lines,
    };
  }
}

import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detectors/broker-centred.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';
import { detectorContract } from './contract.ts';

/** A small broker filing for `clients` firms registered `registeredOn`, all alive together. */
function brokerWithClients(w: World, broker: string, clients: string[], registeredOn: string): void {
  w.party('Broker', broker, { registeredOn: '2020-01-01' });
  for (const [n, id] of clients.entries()) {
    const firm = w.party('Importer', id, { registeredOn });
    if (n % 2 === 1) w.has(firm, 'Address', `${broker} seat`);
    for (let l = 0; l < 3; l++)
      w.ship({ importerId: id, brokerId: broker, date: isoDay(60 + n * 5 + l * 40) });
  }
}

describe('broker_centred detector', () => {
  detectorContract('broker_centred', detect);

  it('finds a broker whose clients are new firms, and not the big broker of established ones', async () => {
    const w = new World();
    legitimateTrade(w, 25, 6);
    brokerWithClients(w, 'BR-S', ['N1', 'N2', 'N3', 'N4'], '2025-01-20');
    const rings = detect(await w.view());
    expect(rings).toHaveLength(1);
    expect(rings[0]!.members.map((m) => `${m.role}:${m.id}`)).toEqual([
      'broker:BR-S',
      'client:N1',
      'client:N2',
      'client:N3',
      'client:N4',
    ]);
    expect(rings[0]!.indicators.find((i) => i.name === 'broker_concentration')!.description).toBe(
      '100% of their declarations were filed by broker BR-S',
    );
  });

  it('ignores a small broker of established firms', async () => {
    const w = new World();
    legitimateTrade(w, 25, 6);
    brokerWithClients(w, 'BR-OLD', ['O1', 'O2', 'O3', 'O4'], '2015-06-01');
    expect(detect(await w.view())).toEqual([]);
  });

  it('reports each such broker as its own ring, in a stable order', async () => {
    const w = new World();
    legitimateTrade(w, 25, 6);
    brokerWithClients(w, 'BR-Y', ['Y1', 'Y2', 'Y3'], '2025-01-10');
    brokerWithClients(w, 'BR-X', ['X1', 'X2', 'X3'], '2025-01-10');
    expect(detect(await w.view()).map((r) => r.members[0]!.id)).toEqual(['BR-X', 'BR-Y']);
  });
});

/**
 * A small broker filing for established firms (registered 2015), each with its own seat: the
 * `seized` ones had one line of `hsCode` from `origin` seized, the `same` ones declare that heading
 * too, the `other` ones declare toys.
 */
function misdeclaringBroker(
  w: World,
  broker: string,
  clients: { seized: string[]; same: string[]; other: string[] },
  goods: { hsCode: string; origin: string } = { hsCode: '640419', origin: 'CN' },
): void {
  w.party('Broker', broker, { registeredOn: '2010-01-01' });
  const all = [...clients.seized, ...clients.same, ...clients.other];
  for (const [n, id] of all.entries()) {
    const firm = w.party('Importer', id, { registeredOn: '2015-06-01' });
    w.has(firm, 'Address', `${id} own seat`);
    const hsCode = clients.other.includes(id) ? '950300' : goods.hsCode;
    for (let l = 0; l < 4; l++)
      w.ship({
        importerId: id,
        brokerId: broker,
        hsCode,
        originCountry: goods.origin,
        date: isoDay(30 + n * 7 + l * 60),
        illicit: l === 0 && clients.seized.includes(id) ? true : null,
      });
  }
}

describe('broker_centred detector: a misdeclaring broker of established firms', () => {
  it('finds the broker, its unrelated clients with seized goods and those declaring the same goods', async () => {
    const w = new World();
    legitimateTrade(w, 25, 6);
    misdeclaringBroker(w, 'BR-M', {
      seized: ['C1', 'C2', 'C3'],
      same: ['C4', 'C5'],
      other: ['L1', 'L2', 'L3'],
    });
    const rings = detect(await w.view());
    expect(rings).toHaveLength(1);
    expect(rings[0]!.members.map((m) => `${m.role}:${m.id}`)).toEqual([
      'broker:BR-M',
      'client:C1',
      'client:C2',
      'client:C3',
      'client:C4',
      'client:C5',
    ]);
    const seized = rings[0]!.indicators.find((i) => i.name === 'seized_clients')!;
    expect(seized.description).toBe("3 of the broker's 8 regular clients had goods seized");
    expect(seized.evidence.declarations).toHaveLength(3);
  });

  it('ignores it when the seized clients share a seat (a group of firms, not a broker scheme)', async () => {
    const w = new World();
    legitimateTrade(w, 25, 6);
    misdeclaringBroker(w, 'BR-M', { seized: ['C1', 'C2', 'C3'], same: ['C4'], other: ['L1', 'L2'] });
    for (const id of ['C1', 'C2', 'C3']) w.has({ label: 'Importer', id }, 'Phone', '+31 20 555 0101');
    expect(detect(await w.view())).toEqual([]);
  });

  it('leaves goods seized for escaping a surcharge by their declared origin to the origin scheme', async () => {
    const w = new World();
    legitimateTrade(w, 25, 6);
    // Steel screws (7318) pay an anti-dumping duty from CN in the default profile, not from VN.
    misdeclaringBroker(
      w,
      'BR-M',
      { seized: ['C1', 'C2', 'C3'], same: ['C4'], other: ['L1', 'L2'] },
      { hsCode: '731815', origin: 'VN' },
    );
    expect(detect(await w.view())).toEqual([]);
  });

  it('ignores a broker few of whose many clients had goods seized', async () => {
    const w = new World();
    legitimateTrade(w, 25, 6);
    const other = Array.from({ length: 16 }, (_, n) => `L${n}`);
    misdeclaringBroker(w, 'BR-F', { seized: ['C1', 'C2', 'C3'], same: [], other });
    expect(detect(await w.view())).toEqual([]);
  });
});

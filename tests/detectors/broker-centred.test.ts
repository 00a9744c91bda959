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

// A detection run over the store fixture (tests/store/fixture.ts), for the findings contract.
import { relId } from '../../src/model/index.ts';
import type { DetectionRun } from '../../src/model/index.ts';
import { IDS } from './fixture.ts';

/**
 * A detection run over the fixture: two rings sharing a member, party risks, line targets and
 * leads. The broker ring has the lowest score but more revenue at risk than the phoenix ring, so
 * priority and score rank them differently.
 */
export function fixtureRun(runId = 'run-1'): DetectionRun {
  const evidence = {
    nodes: [IDS.address],
    rels: [relId('HAS_ADDRESS', IDS.acmeTrading, IDS.address)],
    declarations: ['D1/1'],
  };
  return {
    runId,
    startedAt: '2024-04-01T10:00:00.000Z',
    finishedAt: '2024-04-01T10:00:05.000Z',
    seed: 42,
    rings: [
      {
        id: `R-shared_identifiers-${runId}`,
        typology: 'shared_identifiers',
        score: 0.8,
        revenueAtRisk: 1500.75,
        priority: 3.341278,
        explanation: 'Two importers share an address and a phone',
        members: [
          { ...IDS.acmeTrading, role: 'importer' },
          { ...IDS.acmeImports, role: 'importer' },
        ],
        indicators: [
          {
            name: 'shared_address',
            value: 1,
            weight: 0.5,
            contribution: 0.5,
            description: '2 of 2 importers share one address',
            evidence,
          },
        ],
      },
      {
        id: `R-phoenix-${runId}`,
        typology: 'phoenix',
        score: 0.6,
        revenueAtRisk: 0,
        priority: 0.6,
        explanation: 'Acme Imports replaced Acme Trading within a day',
        members: [
          { ...IDS.acmeImports, role: 'successor' },
          { ...IDS.acmeTrading, role: 'predecessor' },
          { ...IDS.jane, role: 'director' },
        ],
        indicators: [],
      },
      {
        id: `R-broker_centred-${runId}`,
        typology: 'broker_centred',
        score: 0.3,
        revenueAtRisk: 10,
        priority: 0.612418,
        explanation: 'A broker whose clients are young',
        members: [{ ...IDS.broker, role: 'broker' }],
        indicators: [],
      },
    ],
    parties: [
      {
        ...IDS.acmeImports,
        score: 0.9,
        revenueAtRisk: 1000,
        ringIds: [`R-shared_identifiers-${runId}`],
        reasons: ['shares an address'],
      },
      {
        ...IDS.acmeTrading,
        score: 0.9,
        revenueAtRisk: 500.75,
        ringIds: [`R-shared_identifiers-${runId}`],
        reasons: ['shares an address'],
      },
      { ...IDS.broker, score: 0.2, revenueAtRisk: 0, ringIds: [], reasons: [] },
    ],
    targets: [
      { declarationId: 'D2', line: 1, score: 0.7, reasons: ['importer in ring'] },
      { declarationId: 'D1', line: 2, score: 0.7, reasons: ['importer in ring'] },
      { declarationId: 'D1', line: 1, score: 0.95, reasons: ['unit value low'] },
    ],
    leads: fixtureLeads(),
  };
}

/** Leads: two on one party by two detectors, a tie on score broken by detector then party. */
export function fixtureLeads(): NonNullable<DetectionRun['leads']> {
  const step = { from: IDS.zenith, to: IDS.acmeTrading, kinds: ['supplier'] };
  const evidence = { nodes: [IDS.acmeTrading, IDS.zenith], rels: [], declarations: ['D1/1'] };
  return [
    {
      ...IDS.zenith,
      detector: 'guilt_by_association',
      score: 0.4,
      reason: 'IM-004 buys from or supplies IM-001, whose goods were seized',
      path: [step],
      evidence,
    },
    {
      ...IDS.broker,
      detector: 'centrality',
      score: 0.7,
      reason: 'broker BR-01 is the only link between 2 groups of 3 importers',
      path: [],
      evidence: { nodes: [IDS.broker], rels: [], declarations: [] },
    },
    { ...IDS.zenith, detector: 'centrality', score: 0.4, reason: 'ties', path: [step], evidence },
    { ...IDS.blueHarbour, detector: 'centrality', score: 0.4, reason: 'ties', path: [], evidence },
  ];
}

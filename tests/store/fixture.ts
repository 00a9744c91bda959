// A small, deterministic customs graph every store adapter is tested on: importers sharing an
// address, a phone and a bank account, a broker declaring for several of them, suppliers in two
// countries, people directing firms, a successor firm, shipments with dates and HS codes, and
// one firm with no connection at all. Ids include one beyond 2^53 with leading zeros.
import { normaliseIdentifier, relId, shipmentId } from '../../src/model/index.ts';
import type {
  GraphNode,
  GraphRel,
  IdentifierLabel,
  NodeLabel,
  NodeRef,
  Props,
  RelType,
  ShipmentProps,
  ShipmentRecord,
} from '../../src/model/index.ts';
import type { GraphStore, WriteBatch } from '../../src/store/graph-store.ts';

export const FILE_HASH = 'a'.repeat(64);
/** Beyond 2^53 and with leading zeros: must come back exactly as written. */
export const BIG_ID = '0090071992547409931234';

export const ref = (label: NodeLabel, id: string): NodeRef => ({ label, id });

export const RAW = {
  address: '12, Harbour Rd.',
  phone: '+44 (20) 7946-0000',
  email: 'Info@Acme.example',
  account: 'gb29 nwbk 6016 1331 9268 19',
} as const;

function identifierRef(label: IdentifierLabel, raw: string): NodeRef {
  const id = normaliseIdentifier(label, raw);
  if (id === null) throw new Error(`fixture: ${raw} normalises to nothing`);
  return ref(label, id);
}

export const IDS = {
  acmeTrading: ref('Importer', 'IM-001'),
  acmeImports: ref('Importer', 'IM-002'),
  blueHarbour: ref('Importer', 'IM-003'),
  zenith: ref('Importer', 'IM-004'),
  bigImporter: ref('Importer', BIG_ID),
  lonely: ref('Importer', 'IM-009'),
  broker: ref('Broker', 'BR-01'),
  shenzhen: ref('Supplier', 'SU-CN-1'),
  hanoi: ref('Supplier', 'SU-VN-1'),
  /** A supplier whose id is a word that is also a name prefix: for search ranking. */
  acmeSupplier: ref('Supplier', 'ACME'),
  depot: ref('Consignee', 'CO-1'),
  jane: ref('Person', 'PE-1'),
  john: ref('Person', 'PE-2'),
  address: identifierRef('Address', RAW.address),
  phone: identifierRef('Phone', RAW.phone),
  email: identifierRef('Email', RAW.email),
  account: identifierRef('BankAccount', RAW.account),
} as const;

let row = 0;
const source = () => ({ file: FILE_HASH, row: (row += 1) });

function party(r: NodeRef, props: Props): GraphNode {
  return { ...r, props, source: source() };
}

interface Line extends ShipmentProps {
  importer: NodeRef;
  broker?: NodeRef;
  consignee?: NodeRef;
  supplier?: NodeRef;
}

const LINES: Line[] = [
  {
    declarationId: 'D1',
    line: 1,
    date: '2024-01-10',
    hsCode: '8471300000',
    customsValue: 1200.5,
    originCountry: 'CN',
    importer: IDS.acmeTrading,
    broker: IDS.broker,
    consignee: IDS.depot,
    supplier: IDS.shenzhen,
    dutyRate: 0.05,
    inspected: false,
  },
  {
    declarationId: 'D1',
    line: 2,
    date: '2024-01-10',
    hsCode: '0901210000',
    customsValue: 300,
    originCountry: 'VN',
    importer: IDS.acmeTrading,
    broker: IDS.broker,
    supplier: IDS.hanoi,
  },
  {
    declarationId: 'D2',
    line: 1,
    date: '2024-02-15',
    hsCode: '8471300000',
    customsValue: 900,
    originCountry: 'CN',
    importer: IDS.acmeImports,
    broker: IDS.broker,
    supplier: IDS.shenzhen,
    illicit: true,
  },
  {
    declarationId: 'D3',
    line: 1,
    date: '2024-03-20',
    hsCode: '6109100000',
    customsValue: 4500,
    originCountry: 'VN',
    importer: IDS.zenith,
    broker: IDS.broker,
    supplier: IDS.hanoi,
  },
  {
    declarationId: 'D4',
    line: 1,
    date: '2023-12-31',
    hsCode: '0901210000',
    customsValue: 75.25,
    importer: IDS.blueHarbour,
    supplier: IDS.hanoi,
  },
  {
    declarationId: 'D10',
    line: 1,
    date: '2024-01-10',
    hsCode: '6109100000',
    customsValue: 10,
    importer: IDS.bigImporter,
    broker: IDS.broker,
  },
];

function rel(type: RelType, from: NodeRef, to: NodeRef, props: Props = {}): GraphRel {
  return { id: relId(type, from, to), type, from, to, props };
}

/** The whole fixture as one batch (a fresh copy each call). */
export function fixtureBatch(): WriteBatch {
  row = 0;
  const nodes: GraphNode[] = [
    party(IDS.acmeTrading, {
      name: 'Acme Trading',
      country: 'GB',
      registeredOn: '2019-05-01',
      closedOn: '2023-11-30',
    }),
    party(IDS.acmeImports, { name: 'Acme Imports', country: 'GB', registeredOn: '2023-12-01' }),
    party(IDS.blueHarbour, { name: 'Blue Harbour', country: 'GB' }),
    party(IDS.zenith, { name: 'Zenith Goods', country: 'NL' }),
    party(IDS.bigImporter, { name: 'Big Number Ltd' }),
    party(IDS.lonely, { name: 'Lonely Ltd' }),
    party(IDS.broker, { name: 'Swift Customs Agency' }),
    party(IDS.shenzhen, { name: 'Shenzhen Parts', country: 'CN' }),
    party(IDS.hanoi, { name: 'Hanoi Textiles', country: 'VN' }),
    party(IDS.acmeSupplier, { name: 'Zeta Acme Components', country: 'CN' }),
    party(IDS.depot, { name: 'Depot One' }),
    party(IDS.jane, { name: 'Jane Roe' }),
    party(IDS.john, { name: 'John Doe' }),
    party(IDS.address, { value: RAW.address }),
    party(IDS.phone, { value: RAW.phone }),
    party(IDS.email, { value: RAW.email }),
    party(IDS.account, { value: RAW.account }),
  ];
  const rels: GraphRel[] = [
    rel('HAS_ADDRESS', IDS.acmeTrading, IDS.address),
    rel('HAS_ADDRESS', IDS.acmeImports, IDS.address),
    rel('HAS_PHONE', IDS.acmeTrading, IDS.phone),
    rel('HAS_PHONE', IDS.acmeImports, IDS.phone),
    rel('HAS_EMAIL', IDS.acmeImports, IDS.email),
    rel('HAS_ACCOUNT', IDS.acmeImports, IDS.account),
    rel('HAS_ACCOUNT', IDS.blueHarbour, IDS.account),
    rel('DIRECTS', IDS.jane, IDS.acmeTrading, { from: '2019-05-01', to: '2023-11-30' }),
    rel('DIRECTS', IDS.jane, IDS.blueHarbour, { from: '2020-01-01' }),
    rel('DIRECTS', IDS.john, IDS.acmeImports, { from: '2023-12-01' }),
    rel('SUCCEEDS', IDS.acmeImports, IDS.acmeTrading),
  ];
  for (const line of LINES) {
    const { importer, broker, consignee, supplier, ...props } = line;
    const shipment = ref('Shipment', shipmentId(props.declarationId, props.line));
    nodes.push({ ...shipment, props: { ...props }, source: source() });
    rels.push(rel('IMPORTED_BY', shipment, importer));
    if (broker) rels.push(rel('DECLARED_BY', shipment, broker));
    if (consignee) rels.push(rel('CONSIGNED_TO', shipment, consignee));
    if (supplier) rels.push(rel('SUPPLIED_BY', shipment, supplier));
  }
  return { nodes, rels };
}

/** The declaration lines with their parties, as streamShipments must yield them (any order). */
export function fixtureShipments(): ShipmentRecord[] {
  return LINES.map(({ importer, broker, consignee, supplier, ...props }) => ({
    ...props,
    importerId: importer.id,
    brokerId: broker?.id ?? null,
    consigneeId: consignee?.id ?? null,
    supplierId: supplier?.id ?? null,
  }));
}

/** Writes the fixture in one committed import (two batches, rels after their nodes). */
export async function loadFixture(store: GraphStore): Promise<WriteBatch> {
  const batch = fixtureBatch();
  const session = await store.beginImport({
    fileHash: FILE_HASH,
    fileName: 'fixture.csv',
    rows: batch.nodes.length,
  });
  await session.write({ nodes: batch.nodes, rels: [] });
  await session.write({ nodes: [], rels: batch.rels });
  await session.commit();
  return batch;
}

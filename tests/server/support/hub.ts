// A hub broker with more lines than any one answer holds: 3,300 lines for 600 importers and 7
// suppliers over three years, line i worth i + 1 (so all of them are worth 5,446,650).
import { relId, shipmentId } from '../../../src/model/index.ts';
import type { GraphNode, GraphRel, NodeRef, RelType } from '../../../src/model/index.ts';
import type { GraphStore } from '../../../src/store/graph-store.ts';

export const HUB: NodeRef = { label: 'Broker', id: 'BR-HUB' };
export const HUB_LINES = 3300;
export const HUB_IMPORTERS = 600;
export const HUB_VALUE = (HUB_LINES * (HUB_LINES + 1)) / 2;

export const hubImporter = (i: number): NodeRef => ({
  label: 'Importer',
  id: `IM-H${String(i % HUB_IMPORTERS).padStart(4, '0')}`,
});
export const hubSupplier = (i: number): NodeRef => ({ label: 'Supplier', id: `SU-H${i % 7}` });
export const hubDate = (i: number): string => {
  const year = 2023 + Math.floor(i / 1100);
  const month = 1 + Math.floor((i % 1100) / 100);
  return `${year}-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
};

const rel = (type: RelType, from: NodeRef, to: NodeRef): GraphRel => ({
  id: relId(type, from, to),
  type,
  from,
  to,
  props: {},
});

export async function loadHub(store: GraphStore): Promise<void> {
  const nodes: GraphNode[] = [{ ...HUB, props: { name: 'Hub Customs Services' }, source: null }];
  const rels: GraphRel[] = [];
  for (let i = 0; i < HUB_IMPORTERS; i += 1)
    nodes.push({ ...hubImporter(i), props: { name: `Hub Client ${i}` }, source: null });
  for (let i = 0; i < 7; i += 1)
    nodes.push({ ...hubSupplier(i), props: { name: `Hub Maker ${i}` }, source: null });
  for (let i = 0; i < HUB_LINES; i += 1) {
    const line: NodeRef = { label: 'Shipment', id: shipmentId(`HUB${i}`, 1) };
    nodes.push({
      ...line,
      props: {
        declarationId: `HUB${i}`,
        line: 1,
        date: hubDate(i),
        hsCode: '8471300000',
        customsValue: i + 1,
      },
      source: null,
    });
    rels.push(rel('DECLARED_BY', line, HUB), rel('IMPORTED_BY', line, hubImporter(i)));
    rels.push(rel('SUPPLIED_BY', line, hubSupplier(i)));
  }
  const session = await store.beginImport({ fileHash: 'e'.repeat(64), fileName: 'hub.csv', rows: HUB_LINES });
  await session.write({ nodes, rels: [] });
  await session.write({ nodes: [], rels });
  await session.commit();
}

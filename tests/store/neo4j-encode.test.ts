// How nodes are laid out for Neo4j and read back, without a server: a new node's props Cypher
// reads stay properties and the rest travel packed; reading merges both, properties winning.
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { RelType } from '../../src/model/index.ts';
import type { GraphNode } from '../../src/model/index.ts';
import { CYPHER_DIR } from '../../src/store/neo4j/cypher.ts';
import { createRow, decodeNode, QUERIED_PROPS } from '../../src/store/neo4j/encode.ts';

const shipment: GraphNode = {
  label: 'Shipment',
  id: 'D1/2',
  props: { declarationId: 'D1', line: 2, date: '2024-05-06', hsCode: '0101', office: 'NL01', customsValue: 10.5, inspected: false, dutyRate: null },
  source: { file: 'a'.repeat(64), row: 9 },
};

/** What Neo4j hands back for a node with these properties. */
const stored = (properties: Record<string, unknown>) => new neo4j.types.Node(neo4j.int(1), ['Node', 'Shipment'], properties, '4:x:1');

describe('createRow', () => {
  it('keeps the props Cypher reads as columns and packs the rest, nulls left out', () => {
    const files = ['b'.repeat(64)];
    const row = createRow(shipment, files);
    expect(row.slice(0, 3)).toEqual(['Shipment:D1/2', neo4j.int(1), neo4j.int(9)]);
    expect(files).toEqual(['b'.repeat(64), 'a'.repeat(64)]);
    expect(JSON.parse(String(row[4]))).toEqual({ office: 'NL01', customsValue: 10.5, inspected: false });
    const columns = Object.fromEntries(QUERIED_PROPS.map((key, i) => [key, row[5 + i]]));
    expect(columns).toMatchObject({ name: null, value: null, date: '2024-05-06', hsCode: '0101', declarationId: 'D1' });
    expect(Number(columns.line)).toBe(2);
  });

  it('sends no packed props for a node whose props are all read by Cypher', () => {
    const row = createRow({ label: 'Importer', id: 'I1', props: { name: 'Acme' }, source: null }, []);
    expect(row[4]).toBeNull();
    expect(row[3]).toBe('acme'); // the name search key
  });
});

describe('decodeNode', () => {
  it('reads a created node back as it was written', () => {
    const files: string[] = [];
    const row = createRow(shipment, files);
    // The id is cut from the key by the query.
    const properties: Record<string, unknown> = { key: row[0], id: 'D1/2', _sourceFile: files[neo4j.integer.toNumber(row[1] as number)], _sourceRow: 9, _props: row[4] };
    QUERIED_PROPS.forEach((key, i) => {
      const value = row[5 + i];
      if (value !== null) properties[key] = neo4j.isInt(value) ? neo4j.integer.toNumber(value) : value;
    });
    const { dutyRate: _, ...written } = shipment.props;
    expect(decodeNode(stored(properties))).toEqual({ ...shipment, props: written });
  });

  it('lets a property written later win over the packed value, and keeps packed props it lacks', () => {
    const node = decodeNode(stored({ key: 'Shipment:D1/2', id: 'D1/2', office: 'BE02', _props: JSON.stringify({ office: 'NL01', quantity: 3 }) }));
    expect(node.props).toEqual({ office: 'BE02', quantity: 3 });
  });

  it('reads a node of the older layout, every prop a property', () => {
    const node = decodeNode(stored({ key: 'Shipment:D1/2', id: 'D1/2', office: 'NL01', __import: 'x', _import: 5 }));
    expect(node.props).toEqual({ office: 'NL01', _import: 'x' });
  });
});

describe('cypher/write/create-nodes', () => {
  it('creates each relationship type at the index the writer sends it as', () => {
    const text = readFileSync(new URL('write/create-nodes.cypher', CYPHER_DIR), 'utf8');
    const listed = /CREATE \(n\)-\[:\$\(\[([^\]]*)\]\[rel\[0\]\]\)\]->\(b\)/.exec(text);
    expect(listed?.[1]?.split(', ')).toEqual(RelType.options.map((type) => `'${type}'`));
  });
});

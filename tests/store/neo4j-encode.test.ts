// How nodes are laid out for Neo4j and read back, without a server: a new node's props Cypher
// reads stay properties and the rest travel packed; reading merges both, properties winning.
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { RelType } from '../../src/model/index.ts';
import type { GraphNode } from '../../src/model/index.ts';
import { CYPHER_DIR } from '../../src/store/neo4j/cypher.ts';
import { createRow, decodeNode, FIELD_SEPARATOR, QUERIED_PROPS } from '../../src/store/neo4j/encode.ts';

const shipment: GraphNode = {
  label: 'Shipment',
  id: 'D1/2',
  props: {
    declarationId: 'D1',
    line: 2,
    date: '2024-05-06',
    hsCode: '0101',
    office: 'NL01',
    customsValue: 10.5,
    inspected: false,
    dutyRate: null,
  },
  source: { file: 'a'.repeat(64), row: 9 },
};

/** What Neo4j hands back for a node with these properties. */
const stored = (properties: Record<string, unknown>) =>
  new neo4j.types.Node(neo4j.int(1), ['Node', 'Shipment'], properties, '4:x:1');

/** A create row's fields, as the query splits them. */
const fieldsOf = (row: string | null): string[] => (row ?? '').split(FIELD_SEPARATOR);

/** Far end indexes as the writer hands them out: in order of first use. */
function endIndexes(): { ends: string[]; endIndex: (key: string) => number } {
  const ends: string[] = [];
  return { ends, endIndex: (key) => (ends.includes(key) ? ends.indexOf(key) : ends.push(key) - 1) };
}

describe('createRow', () => {
  it('keeps the props Cypher reads as fields and packs the rest, nulls as empty fields, the relationships last', () => {
    const files = ['b'.repeat(64)];
    const { ends, endIndex } = endIndexes();
    const row = createRow(
      shipment,
      files,
      [
        [0, 'Importer:I1'],
        [1, 'Broker:B1'],
        [3, 'Importer:I1'],
      ],
      endIndex,
    );
    const fields = fieldsOf(row);
    expect(fields.slice(0, 4)).toEqual(['Shipment:D1/2', '1', '9', '']);
    expect(files).toEqual(['b'.repeat(64), 'a'.repeat(64)]);
    expect(JSON.parse(String(fields[4]))).toEqual({ office: 'NL01', customsValue: 10.5, inspected: false });
    const columns = Object.fromEntries(QUERIED_PROPS.map((key, i) => [key, fields[5 + i]]));
    expect(columns).toEqual({
      name: '',
      value: '',
      date: '2024-05-06',
      hsCode: '0101',
      declarationId: 'D1',
      line: '2',
    });
    expect(fields.slice(5 + QUERIED_PROPS.length)).toEqual(['0', '0', '1', '1', '3', '0']);
    expect(ends).toEqual(['Importer:I1', 'Broker:B1']);
  });

  it('sends no packed props for a node whose props are all read by Cypher', () => {
    const fields = fieldsOf(
      createRow(
        { label: 'Importer', id: 'I1', props: { name: 'Acme' }, source: null },
        [],
        [],
        endIndexes().endIndex,
      ),
    );
    expect(fields.slice(1, 6)).toEqual(['', '', 'acme', '', 'Acme']); // no file, no row, the name search key, no packed props
  });

  it('gives no row for a node whose values the fields cannot carry, and takes no far end for it', () => {
    const importer = (props: GraphNode['props']): GraphNode => ({
      label: 'Importer',
      id: 'I1',
      props,
      source: null,
    });
    const { ends, endIndex } = endIndexes();
    for (const node of [
      importer({ name: '' }), // an empty field is null
      importer({ name: `Acme${FIELD_SEPARATOR}Ltd` }),
      importer({ name: 42 }), // the query stores text
      { ...shipment, props: { ...shipment.props, line: 2.5 } },
      { ...shipment, id: `D1${FIELD_SEPARATOR}/2` },
    ]) {
      expect(createRow(node, [], [[0, 'Broker:B1']], endIndex)).toBeNull();
    }
    expect(ends).toEqual([]);
    // Separators in props it packs are fine: JSON escapes them.
    const packed = createRow(
      { ...shipment, props: { ...shipment.props, office: `N${FIELD_SEPARATOR}L` } },
      [],
      [],
      endIndex,
    );
    expect((JSON.parse(String(fieldsOf(packed)[4])) as { office: string }).office).toBe(
      `N${FIELD_SEPARATOR}L`,
    );
  });
});

describe('decodeNode', () => {
  it('reads a created node back as it was written', () => {
    const files: string[] = [];
    const fields = fieldsOf(createRow(shipment, files, [], endIndexes().endIndex));
    // As the query stores it: the id cut from the key, an empty field not stored, numbers parsed.
    const properties: Record<string, unknown> = {
      key: fields[0],
      id: 'D1/2',
      _sourceFile: files[Number(fields[1])],
      _sourceRow: Number(fields[2]),
      _props: fields[4],
    };
    QUERIED_PROPS.forEach((key, i) => {
      const value = fields[5 + i];
      if (value) properties[key] = key === 'line' ? Number(value) : value;
    });
    const { dutyRate: _, ...written } = shipment.props;
    expect(decodeNode(stored(properties))).toEqual({ ...shipment, props: written });
  });

  it('lets a property written later win over the packed value, and keeps packed props it lacks', () => {
    const node = decodeNode(
      stored({
        key: 'Shipment:D1/2',
        id: 'D1/2',
        office: 'BE02',
        _props: JSON.stringify({ office: 'NL01', quantity: 3 }),
      }),
    );
    expect(node.props).toEqual({ office: 'BE02', quantity: 3 });
  });

  it('reads a node of the older layout, every prop a property', () => {
    const node = decodeNode(
      stored({ key: 'Shipment:D1/2', id: 'D1/2', office: 'NL01', __import: 'x', _import: 5 }),
    );
    expect(node.props).toEqual({ office: 'NL01', _import: 'x' });
  });
});

describe('cypher/write/create-nodes', () => {
  it('creates each relationship type at the index the writer sends it as', () => {
    const text = readFileSync(new URL('write/create-nodes.cypher', CYPHER_DIR), 'utf8');
    const listed = /CREATE \(n\)-\[:\$\(\[([^\]]*)\]\[relType\]\)\]->\(b\)/.exec(text);
    expect(listed?.[1]?.split(', ')).toEqual(RelType.options.map((type) => `'${type}'`));
  });
});

// Neo4j's import format for a bulk initial load: node and relationship CSV files with typed
// headers, written from another store's streams. Each node gets the properties the driver path
// gives a node it creates (encode.ts): labels `Node` and its own, `key` (the importer's node id),
// `id`, `_sourceFile`, `_sourceRow`, `_nameKey`, the queried props as real properties and the
// others packed into `_props`; relationships their props as real properties. Rows are grouped
// by the names and types of their properties, one file per group with its own header, so every
// value keeps its type (an integer stays an integer) and no column is ever missing.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { isIdentifierLabel, nameSearchKey, nodeKey } from '../../model/index.ts';
import type { GraphNode, GraphRel, PropValue } from '../../model/index.ts';
import type { ImportRecord } from '../graph-store.ts';
import { QUERIED_PROPS } from './encode.ts';

/** What `neo4j-admin database import full` is given: the files, and whether a value spans lines. */
export interface ImportPlan {
  nodes: string[];
  relationships: string[];
  multiline: boolean;
  nodeCount: number;
  relCount: number;
}

type Cell = string | number | boolean;
type Row = [name: string, value: Cell][];

const QUERIED = new Set<string>(QUERIED_PROPS);

function storedKey(key: string): string {
  return key === 'id' || key === 'key' || key.startsWith('_') ? `_${key}` : key;
}

function typeOf(value: Cell): string {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'long' : 'double';
  return 'string';
}

/** The properties of a node as the driver path stores a node it creates (null = not stored). */
export function nodeProperties(node: GraphNode): Row {
  const row: Row = [
    ['key', nodeKey(node)],
    ['id', node.id],
  ];
  if (node.source) row.push(['_sourceFile', node.source.file], ['_sourceRow', node.source.row]);
  const name = node.props.name;
  if (typeof name === 'string' && !isIdentifierLabel(node.label)) row.push(['_nameKey', nameSearchKey(name)]);
  const packed: Record<string, PropValue> = {};
  let packedAny = false;
  for (const prop in node.props) {
    const value = node.props[prop];
    if (value === null || value === undefined) continue;
    if (QUERIED.has(prop)) row.push([storedKey(prop), value]);
    else {
      packed[prop] = value;
      packedAny = true;
    }
  }
  if (packedAny) row.push(['_props', JSON.stringify(packed)]);
  return row;
}

function relProperties(rel: GraphRel): Row {
  const row: Row = [];
  for (const prop in rel.props) {
    const value = rel.props[prop];
    if (value !== null && value !== undefined) row.push([storedKey(prop), value]);
  }
  return row;
}

function csvCell(value: Cell): string {
  if (typeof value !== 'string') return String(value);
  return `"${value.replaceAll('"', '""')}"`;
}

/** One CSV file per header; opens files as new headers come. */
class GroupedCsv {
  private readonly files = new Map<string, { path: string; out: WriteStream }>();
  multiline = false;
  rows = 0;

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  async write(fixed: string[], fixedHeader: string[], props: Row): Promise<void> {
    const header = [...fixedHeader, ...props.map(([name, value]) => `${name}:${typeOf(value)}`)];
    const signature = header.join(',');
    let file = this.files.get(signature);
    if (!file) {
      const path = join(this.dir, `${this.prefix}-${this.files.size + 1}.csv`);
      file = { path, out: createWriteStream(path) };
      this.files.set(signature, file);
      file.out.write(`${header.join(',')}\n`);
    }
    const cells = [...fixed.map(csvCell), ...props.map(([, value]) => csvCell(value))];
    for (const cell of cells) if (cell.includes('\n') || cell.includes('\r')) this.multiline = true;
    this.rows += 1;
    if (!file.out.write(`${cells.join(',')}\n`)) await once(file.out, 'drain');
  }

  async close(): Promise<string[]> {
    const paths: string[] = [];
    for (const { path, out } of this.files.values()) {
      out.end();
      await once(out, 'finish');
      paths.push(path);
    }
    return paths;
  }
}

/** Writes the import files for these nodes, relationships and import records into `dir`. */
export async function writeImportFiles(
  dir: string,
  source: {
    nodes: AsyncIterable<GraphNode>;
    rels: AsyncIterable<GraphRel>;
    imports: readonly ImportRecord[];
  },
): Promise<ImportPlan> {
  const nodes = new GroupedCsv(dir, 'nodes');
  for await (const node of source.nodes) {
    const [key, ...props] = nodeProperties(node);
    await nodes.write([key?.[1] as string, `Node;${node.label}`], ['key:ID', ':LABEL'], props);
  }
  for (const record of source.imports) {
    const props: Row = [
      ['fileHash', record.fileHash],
      ['fileName', record.fileName],
      ['rows', record.rows],
      ['importedAt', record.importedAt],
    ];
    await nodes.write([`ImportRecord:${record.fileHash}`, 'ImportRecord'], [':ID', ':LABEL'], props);
  }
  const rels = new GroupedCsv(dir, 'rels');
  for await (const rel of source.rels) {
    await rels.write(
      [nodeKey(rel.from), nodeKey(rel.to), rel.type],
      [':START_ID', ':END_ID', ':TYPE'],
      relProperties(rel),
    );
  }
  return {
    nodes: await nodes.close(),
    relationships: await rels.close(),
    multiline: nodes.multiline || rels.multiline,
    nodeCount: nodes.rows - source.imports.length,
    relCount: rels.rows,
  };
}

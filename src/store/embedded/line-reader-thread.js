// The worker thread of streamDetectionLines (streams.ts): reads every declaration line's
// detection columns in one read transaction and posts them packed, a chunk of lines at a time,
// so the thread that builds the detection view does not step SQLite or make an object per line.
// Numbers travel as typed arrays (transferred, not copied); each string field and each kind of
// party as small integers into lists of which a chunk carries only the values not seen before.
// Plain JavaScript, like the CSV reader thread: it starts without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** Lines per chunk. */
const CHUNK = 8192;
/** Chunks posted ahead of the consuming thread at most (it counts the ones it took in `taken`). */
const CHUNKS_AHEAD = 32;

const STRINGS = ['declarationId', 'date', 'hsCode', 'origin', 'departure'];
const PARTIES = ['importer', 'broker', 'consignee', 'supplier'];
const NUMBERS = ['customsValue', 'dutyRate', 'dutyPaid', 'netMassKg', 'quantity'];

/** Gives each distinct value a number in order of first appearance; null is -1. */
class Values {
  ids = new Map();
  count = 0;
  fresh = [];
  last = null;
  lastId = -1;

  of(value) {
    if (value === null || value === undefined) return -1;
    if (value === this.last) return this.lastId;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.count++;
      this.ids.set(value, id);
      this.fresh.push(value);
    }
    this.last = value;
    this.lastId = id;
    return id;
  }

  /** The values first seen since the last call. */
  take() {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** Numbers each run of equal values (a declaration's lines come together): no map of every value. */
class Runs {
  count = 0;
  fresh = [];
  last = null;

  of(value) {
    if (value === null || value === undefined) return -1;
    if (value !== this.last) {
      this.count += 1;
      this.fresh.push(value);
      this.last = value;
    }
    return this.count - 1;
  }

  take() {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** A line's parties kept in rels: the smaller id of a kind wins over the column's. */
function addMoreParties(row, more, slotOfType, firstParty) {
  for (const [type, id] of JSON.parse(more)) {
    const at = firstParty + (slotOfType.get(type) ?? 0);
    const current = row[at];
    if (current === null || current === undefined || id < current) row[at] = id;
  }
}

/** Packs rows into a chunk's columns and posts each full chunk, at most CHUNKS_AHEAD ahead. */
class ChunkWriter {
  declarations = new Runs();
  strings = { date: new Values(), hsCode: new Values(), origin: new Values(), departure: new Values() };
  parties = { importer: new Values(), broker: new Values(), consignee: new Values(), supplier: new Values() };
  posted = 0;
  chunk = null;

  constructor(port, consumed) {
    this.port = port;
    this.consumed = consumed;
    // The party ids '' and null both mean "no party".
    for (const values of Object.values(this.parties)) values.ids.set('', -1);
    this.fresh();
  }

  fresh() {
    const chunk = { size: 0, line: new Int32Array(CHUNK), illicit: new Int8Array(CHUNK) };
    for (const name of NUMBERS) chunk[name] = new Float64Array(CHUNK);
    for (const name of [...STRINGS, ...PARTIES]) chunk[name] = new Int32Array(CHUNK);
    this.chunk = chunk;
  }

  /** One row of DETECTION_LINES_SQL (streams.ts), its parties kept in rels already added. */
  append(row) {
    const c = this.chunk;
    const i = c.size;
    const { strings, parties } = this;
    c.declarationId[i] = this.declarations.of(row[0]);
    c.line[i] = row[1];
    c.date[i] = strings.date.of(row[2]);
    c.hsCode[i] = strings.hsCode.of(row[3]);
    c.origin[i] = strings.origin.of(row[4]);
    c.departure[i] = strings.departure.of(row[5]);
    c.customsValue[i] = row[6] ?? Number.NaN;
    c.dutyRate[i] = row[7] ?? Number.NaN;
    c.dutyPaid[i] = row[8] ?? Number.NaN;
    c.illicit[i] = row[9] === 1 ? 1 : row[9] === 0 ? 0 : -1;
    c.netMassKg[i] = row[10] ?? Number.NaN;
    c.quantity[i] = row[11] ?? Number.NaN;
    c.importer[i] = parties.importer.of(row[12]);
    c.broker[i] = parties.broker.of(row[13]);
    c.consignee[i] = parties.consignee.of(row[14]);
    c.supplier[i] = parties.supplier.of(row[15]);
    c.size = i + 1;
    if (c.size === CHUNK) this.post();
  }

  /** Posts the chunk (with the values first seen in it) and waits while too far ahead. */
  post() {
    const c = this.chunk;
    if (c.size === 0) return;
    c.strings = { declarationId: this.declarations.take() };
    for (const name of STRINGS.slice(1)) c.strings[name] = this.strings[name].take();
    c.parties = {};
    for (const name of PARTIES) c.parties[name] = this.parties[name].take();
    const columns = [c.line, c.illicit, ...[...NUMBERS, ...STRINGS, ...PARTIES].map((name) => c[name])];
    this.port.postMessage(
      { kind: 'chunk', chunk: c },
      columns.map((column) => column.buffer),
    );
    this.posted += 1;
    const consumed = this.consumed;
    for (let seen = Atomics.load(consumed, 0); this.posted - seen > CHUNKS_AHEAD;) {
      Atomics.wait(consumed, 0, seen);
      seen = Atomics.load(consumed, 0);
    }
    this.fresh();
  }
}

function serve(port, { path, sql, partyTypes, taken }) {
  const writer = new ChunkWriter(port, new Int32Array(taken));
  const slotOfType = new Map(partyTypes.map((type, slot) => [type, slot]));
  const firstParty = 12;
  const more = firstParty + PARTIES.length;
  let db = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    for (const row of db.prepare(sql).raw().iterate()) {
      if (typeof row[more] === 'string') addMoreParties(row, row[more], slotOfType, firstParty);
      writer.append(row);
    }
    writer.post();
    port.postMessage({ kind: 'end' });
  } catch (error) {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    db?.close();
  }
  port.close();
}

if (parentPort && typeof workerData?.path === 'string') serve(parentPort, workerData);

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

function emptyChunk() {
  const chunk = { size: 0, line: new Int32Array(CHUNK), illicit: new Int8Array(CHUNK) };
  for (const name of [...STRINGS, ...PARTIES]) chunk[name] = new Int32Array(CHUNK);
  for (const name of NUMBERS) chunk[name] = new Float64Array(CHUNK);
  return chunk;
}

/** A line's parties kept in rels: the smaller id of a kind wins over the column's. */
function addMoreParties(row, more, slotOfType, firstParty) {
  for (const [type, id] of JSON.parse(more)) {
    const at = firstParty + (slotOfType.get(type) ?? 0);
    const current = row[at];
    if (current === null || current === undefined || id < current) row[at] = id;
  }
}

const nan = (value) => (value === null ? Number.NaN : value);

function serve(port, { path, sql, partyTypes, taken }) {
  const consumed = new Int32Array(taken);
  const strings = Object.fromEntries(STRINGS.map((name) => [name, new Values()]));
  const parties = Object.fromEntries(PARTIES.map((name) => [name, new Values()]));
  // The party values '' and null both mean "no party".
  for (const values of Object.values(parties)) values.ids.set('', -1);
  const slotOfType = new Map(partyTypes.map((type, slot) => [type, slot]));
  let posted = 0;
  const post = (chunk) => {
    chunk.strings = Object.fromEntries(STRINGS.map((name) => [name, strings[name].take()]));
    chunk.parties = Object.fromEntries(PARTIES.map((name) => [name, parties[name].take()]));
    const buffers = [chunk.line, chunk.illicit, ...[...STRINGS, ...PARTIES, ...NUMBERS].map((n) => chunk[n])];
    port.postMessage(
      { kind: 'chunk', chunk },
      buffers.map((b) => b.buffer),
    );
    posted += 1;
    for (
      let seen = Atomics.load(consumed, 0);
      posted - seen > CHUNKS_AHEAD;
      seen = Atomics.load(consumed, 0)
    ) {
      Atomics.wait(consumed, 0, seen);
    }
  };
  let db = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    const firstParty = 12;
    const more = firstParty + PARTIES.length;
    let chunk = emptyChunk();
    for (const row of db.prepare(sql).raw().iterate()) {
      if (typeof row[more] === 'string') addMoreParties(row, row[more], slotOfType, firstParty);
      const i = chunk.size;
      chunk.declarationId[i] = strings.declarationId.of(row[0]);
      chunk.line[i] = row[1];
      chunk.date[i] = strings.date.of(row[2]);
      chunk.hsCode[i] = strings.hsCode.of(row[3]);
      chunk.origin[i] = strings.origin.of(row[4]);
      chunk.departure[i] = strings.departure.of(row[5]);
      chunk.customsValue[i] = nan(row[6]);
      chunk.dutyRate[i] = nan(row[7]);
      chunk.dutyPaid[i] = nan(row[8]);
      chunk.illicit[i] = row[9] === 1 ? 1 : row[9] === 0 ? 0 : -1;
      chunk.netMassKg[i] = nan(row[10]);
      chunk.quantity[i] = nan(row[11]);
      chunk.importer[i] = parties.importer.of(row[12]);
      chunk.broker[i] = parties.broker.of(row[13]);
      chunk.consignee[i] = parties.consignee.of(row[14]);
      chunk.supplier[i] = parties.supplier.of(row[15]);
      chunk.size = i + 1;
      if (chunk.size === CHUNK) {
        post(chunk);
        chunk = emptyChunk();
      }
    }
    if (chunk.size > 0) post(chunk);
    port.postMessage({ kind: 'end' });
  } catch (error) {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    db?.close();
  }
  port.close();
}

if (parentPort && typeof workerData?.path === 'string') serve(parentPort, workerData);

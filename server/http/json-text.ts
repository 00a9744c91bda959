// An answer already written as JSON (by a read thread): the route sends its bytes as they are.
// Parsing 1.6 MB of neighbourhood only to write it out again cost the server's thread 60–120 ms
// per answer, as long as the read itself took on its thread.
export class JsonText {
  constructor(readonly bytes: Uint8Array) {}

  /** The answer as a value, for the rare reader that needs one (parsed on each call). */
  value(): unknown {
    return JSON.parse(new TextDecoder().decode(this.bytes));
  }
}

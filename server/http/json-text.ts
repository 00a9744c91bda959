// An answer already written as JSON (by a read thread): the route sends its bytes as they are.
// Parsing 1.6 MB of neighbourhood only to write it out again cost the server's thread 60–120 ms
// per answer, as long as the read itself took on its thread.
export class JsonText {
  /** `facts`: the few figures an audit entry records of the answer (counts), taken on its thread. */
  constructor(
    readonly bytes: Uint8Array,
    readonly facts: Readonly<Record<string, number | boolean>> = {},
  ) {}

  /** The answer as a value, for the rare reader that needs one (parsed on each call). */
  value(): unknown {
    return JSON.parse(new TextDecoder().decode(this.bytes));
  }
}

// Reads a Server-Sent Events stream the way a browser's EventSource would see it: frames split on
// blank lines, `id:`, `event:` and `data:` fields, comments (`: …`) kept apart. Tests wait for
// frames as they arrive, never for a time.

export interface SseFrame {
  /** A comment line's text (`: connected`), or null for an event. */
  comment: string | null;
  id: string | null;
  event: string | null;
  data: string | null;
}

function parseFrame(text: string): SseFrame {
  const frame: SseFrame = { comment: null, id: null, event: null, data: null };
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    else if (line.startsWith('id: ')) frame.id = line.slice(4);
    else if (line.startsWith('event: ')) frame.event = line.slice(7);
    else if (line.startsWith('data: ')) frame.data = line.slice(6);
  }
  return frame;
}

export class SseReader {
  private buffered = '';
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly controller: AbortController,
  ) {}

  /** Opens the stream with the session cookie (and a Last-Event-ID when reconnecting). */
  static async open(url: string, cookie: string, lastEventId?: string): Promise<SseReader> {
    const controller = new AbortController();
    const res = await fetch(url, {
      headers: { cookie, ...(lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId }) },
      signal: controller.signal,
    });
    if (res.status !== 200 || !res.body)
      throw new Error(`stream answered ${res.status}: ${await res.text()}`);
    return new SseReader(res.body.getReader(), controller);
  }

  /** The next frame, comments included. */
  async next(): Promise<SseFrame> {
    for (;;) {
      const end = this.buffered.indexOf('\n\n');
      if (end >= 0) {
        const text = this.buffered.slice(0, end);
        this.buffered = this.buffered.slice(end + 2);
        return parseFrame(text);
      }
      const { value, done } = await this.reader.read();
      if (done) throw new Error('the stream ended');
      this.buffered += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next event (comments skipped). */
  async nextEvent(): Promise<SseFrame> {
    for (;;) {
      const frame = await this.next();
      if (frame.comment === null) return frame;
    }
  }

  close(): void {
    this.controller.abort();
  }
}

/** Signs in with fetch and answers the session cookie, for requests supertest cannot stream. */
export async function sessionCookie(origin: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0]!;
}

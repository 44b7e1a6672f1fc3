/**
 * @module
 * A minimal Server-Sent Events client for tests, over fetch: it keeps every frame it reads
 * (events, `retry:`, comments) so a test can assert on the raw stream, and knows when the server
 * closed it.
 */
import { waitUntil } from './polling';

export interface SseFrame {
  id?: string;
  event?: string;
  /** The `data:` lines, joined by newlines. */
  data?: string;
  retry?: number;
  /** Comment lines (`: keep-alive`), without the colon. */
  comments: string[];
}

export interface EventStreamClient {
  status: number;
  headers: Headers;
  /** The error body when the server refused the stream. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
  body: any;
  frames: SseFrame[];
  /** The frames that carry an event, each with its `data` parsed. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
  events(): { id: string; event: string; data: any }[];
  /** True once the server has ended the stream. */
  readonly ended: boolean;
  /** Resolves once `count` events have arrived (the test's timeout bounds it). */
  waitForEvents(count: number): Promise<void>;
  /** Resolves once the server has ended the stream. */
  waitForEnd(): Promise<void>;
  /** Hangs up. */
  close(): void;
}

export async function openEventStream(
  url: string,
  apiKey: string,
  headers: Record<string, string> = {},
): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', 'x-api-key': apiKey, ...headers },
    signal: abort.signal,
  });
  const frames: SseFrame[] = [];
  let ended = false;
  const client: EventStreamClient = {
    status: response.status,
    headers: response.headers,
    body: undefined,
    frames,
    events: () =>
      frames
        .filter((f) => f.event !== undefined)
        .map((f) => ({ id: f.id as string, event: f.event as string, data: JSON.parse(f.data ?? 'null') })),
    get ended() {
      return ended;
    },
    waitForEvents: (count) => waitUntil(() => client.events().length >= count),
    waitForEnd: () => waitUntil(() => ended),
    close: () => abort.abort(),
  };
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    client.body = JSON.parse(await response.text());
    ended = true;
    return client;
  }
  void readFrames(response, frames).then(
    () => {
      ended = true;
    },
    () => {
      ended = true;
    },
  );
  return client;
}

async function readFrames(response: Response, frames: SseFrame[]): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      frames.push(parseFrame(buffer.slice(0, end)));
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
  }
}

function parseFrame(text: string): SseFrame {
  const frame: SseFrame = { comments: [] };
  const data: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) {
      frame.comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') frame.id = value;
    else if (field === 'event') frame.event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry') frame.retry = Number(value);
  }
  if (data.length > 0) frame.data = data.join('\n');
  return frame;
}

/**
 * @module
 * An event stream opened with plain `fetch`, for the contract cases that must know when the
 * stream is open (its response headers have arrived) before making something happen: the SDK's
 * streams connect lazily and say nothing until an event arrives.
 */

/** One frame's fields. */
export interface RawFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** An open stream: its response, its frames in order, and `close()`. */
export interface RawEventStream {
  response: Response;
  /** The next frame, or null once the stream has ended. */
  next(): Promise<RawFrame | null>;
  /** The next frame with `data`, parsed; null once the stream has ended. */
  nextEvent(): Promise<{
    id: string;
    type: string;
    sequence: number;
    data: { id: string; status: string };
  } | null>;
  close(): void;
}

export async function openRawEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<RawEventStream> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const next = async (): Promise<RawFrame | null> => {
    for (;;) {
      const end = buffered.indexOf('\n\n');
      if (end >= 0) {
        const lines = buffered.slice(0, end).split('\n');
        buffered = buffered.slice(end + 2);
        const frame: RawFrame = {};
        for (const line of lines) {
          if (line.startsWith(':')) frame.comment = line.slice(1).trim();
          const field = /^(id|event|data|retry): ?(.*)$/.exec(line);
          if (field) frame[field[1] as 'id' | 'event' | 'data' | 'retry'] = field[2];
        }
        return frame;
      }
      const chunk = await reader?.read().catch(() => undefined);
      if (!chunk || chunk.done) return null;
      buffered += decoder.decode(chunk.value, { stream: true });
    }
  };
  return {
    response,
    next,
    async nextEvent() {
      for (let frame = await next(); frame !== null; frame = await next()) {
        if (frame.data !== undefined) return JSON.parse(frame.data);
      }
      return null;
    },
    close: () => controller.abort(),
  };
}

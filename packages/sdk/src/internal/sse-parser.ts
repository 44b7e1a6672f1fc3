/**
 * @module
 * Server-Sent Events framing, by the WHATWG rules ("Interpreting an event stream"), for the
 * fields the SDK reads: `data:` lines, joined with `\n`, make an event's data, dispatched at the
 * blank line that ends it; `retry:` sets the reconnection delay. Lines end with CR, LF or CRLF
 * and chunks may split anywhere, even between the CR and the LF. Comments (the keep-alives) and
 * every other field are skipped: `id` and `event` too, since an event's JSON carries both.
 *
 * It replaced eventsource-parser, which it matches for these callbacks (a test feeds both the same
 * streams, split every way): its 0.7 kB min+gzip in every app's bundle was most of it error
 * reporting and the fields the SDK does not read. A BOM needs nothing here: the `TextDecoder` in
 * front removes it. (eventsource-parser also dropped a leading `ï»¿`, a BOM's bytes read as
 * Latin-1, which a UTF-8 body decodes to only when its server encoded a BOM twice: not kept.)
 */

/**
 * A parser for one connection: call the function it returns with the decoded body, chunk by
 * chunk. `onData` gets each event's data, `onRetry` each valid `retry:`, in stream order.
 */
export function sseParser(
  onData: (data: string) => void,
  onRetry: (ms: number) => void,
): (chunk: string) => void {
  let pending = ''; // a line whose end has not arrived yet
  let data = '';
  return (chunk) => {
    const text = pending + chunk;
    // A CR at the very end may be the first half of a CRLF: keep it until the next chunk.
    const end = text.endsWith('\r') ? text.length - 1 : text.length;
    const lines = text.slice(0, end).split(/\r\n?|\n/);
    pending = lines.pop() + text.slice(end);
    for (const line of lines) {
      const colon = line.indexOf(':');
      // The field is the line up to its first colon (all of it without one); the value follows
      // the colon, less one leading space.
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
      if (!line) {
        // An event without a `data:` line is dropped, as EventSource drops it.
        if (data) onData(data.slice(0, -1));
        data = '';
      } else if (field === 'data') data += `${value}\n`;
      else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
    }
  };
}

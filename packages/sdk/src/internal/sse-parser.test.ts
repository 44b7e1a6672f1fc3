/**
 * The SDK's SSE framing against eventsource-parser (the parser it replaced, kept as the oracle):
 * the same streams, fed whole, a character at a time and split at every point, must give the same
 * data and `retry:` values in the same order.
 */
import { createParser } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { sseEvents } from './sse-events';
import { sseParser } from './sse-parser';

type Output = ['data', string] | ['retry', number];

function ours(chunks: string[]): Output[] {
  const out: Output[] = [];
  const feed = sseParser(
    (data) => out.push(['data', data]),
    (ms) => out.push(['retry', ms]),
  );
  for (const chunk of chunks) feed(chunk);
  return out;
}

function oracle(chunks: string[]): Output[] {
  const out: Output[] = [];
  const parser = createParser({
    onEvent: (message) => out.push(['data', message.data]),
    onRetry: (ms) => out.push(['retry', ms]),
  });
  for (const chunk of chunks) parser.feed(chunk);
  return out;
}

/** The stream whole, a character at a time, and in two pieces split at every point. */
function chunkings(stream: string): string[][] {
  const ways = [[stream], [...stream]];
  for (let i = 1; i < stream.length; i++) ways.push([stream.slice(0, i), stream.slice(i)]);
  return ways;
}

const STREAMS = [
  'data: a\n\n',
  'data:a\r\n\r\n',
  'data: a\rdata: b\r\rdata: c\r\r\r',
  'data: one\ndata: two\ndata\ndata:\n\n',
  'data:  two spaces\n\ndata:\n\n',
  ': keep-alive\n\n:\ndata: x\n\n',
  'retry: 1000\n\nretry: x\nretry:\nretry: 10 \nretry:-5\nretry:007\n\n',
  'id: 1\nevent: call.queued\ndata: {"id":"1"}\n\nid\nevent\n\n',
  'foo: bar\nDATA: no\ndata : no\n\ndata: yes\n\n',
  'data: first\n\ndata: no blank line at the end\n',
  'data: a\r\r\ndata: b\n\r\n\r\ndata: c\r\n\r',
  'event: only an event\n\n\n\ndata: after\n\n',
  'data: a\n\rdata: b\r\n\n',
  'data: é ☃ \u{1F4DE}\n\n',
  'id: evt_2\ndata: {"id":"evt_2","type":"call.ringing","data":{"id":"call_1","status":"ringing"}}\n\n',
];

describe('sseParser', () => {
  it.each(STREAMS)('reads %j as eventsource-parser does, however it is split', (stream) => {
    for (const chunks of chunkings(stream)) expect(ours(chunks)).toEqual(oracle(chunks));
    expect(ours([stream]).length).toBeGreaterThan(0); // every stream above yields something
  });

  it('matches eventsource-parser on random streams of SSE fragments, randomly split', () => {
    const fragments = ['data', 'retry', 'id', ':', ' ', '\r', '\n', '\r\n', 'x', '7', 'é'];
    let seed = 12_345; // a fixed seed: the same streams every run
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 2_000; run++) {
      const pieces = Array.from({ length: 1 + random(30) }, () => fragments[random(fragments.length)] ?? '');
      const stream = pieces.join('');
      const chunks: string[] = [];
      for (let at = 0; at < stream.length; ) {
        const size = 1 + random(6);
        chunks.push(stream.slice(at, at + size));
        at += size;
      }
      expect(ours(chunks), JSON.stringify(chunks)).toEqual(oracle(chunks));
    }
  });
});

describe('sseEvents', () => {
  it('skips a UTF-8 byte order mark at the start of the body (its TextDecoder removes it)', async () => {
    const frame = 'data: {"id":"evt_1","type":"call.queued","data":{"id":"call_1","status":"queued"}}\n\n';
    const body = new Response(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(frame)])).body;
    const events = [];
    for await (const event of sseEvents(body as ReadableStream<Uint8Array>, { onRetry: () => {} }, undefined))
      events.push(event.id);
    expect(events).toEqual(['evt_1']);
  });
});

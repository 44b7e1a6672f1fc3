/**
 * @module
 * One delivery attempt over HTTP: resolve the host, refuse a forbidden address, connect to exactly
 * that address (so a second lookup cannot answer differently: DNS rebinding), POST, and read at
 * most 64 KiB of the answer. Redirects are not followed (a 3xx is a failed attempt). Never throws:
 * every outcome is an attempt to log.
 */
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isForbiddenAddress } from './forbidden-addresses';

/** What is kept of a receiver's answer. */
export const MAX_RESPONSE_BODY_BYTES = 64 * 1024;

/** Per attempt, from connecting to the end of the (possibly truncated) answer. */
export const ATTEMPT_TIMEOUT_MS = 15_000;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface AttemptResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseBody: string | null;
}

export interface SendOptions {
  /** Also send to loopback, private, link-local and metadata addresses (OUTDIAL_WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  timeoutMs?: number;
}

export async function sendWebhook(request: WebhookRequest, options: SendOptions): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (error: string): AttemptResult => ({
    statusCode: null,
    durationMs: elapsed(),
    error,
    responseBody: null,
  });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return failed('invalid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return failed(`unsupported scheme ${url.protocol}`);
  // `[::1]` in a URL is `::1` to the resolver.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let address: { address: string; family: number };
  try {
    address = isIP(host) ? { address: host, family: isIP(host) } : await lookup(host, { verbatim: true });
  } catch (error) {
    return failed(`could not resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (!options.allowPrivate && isForbiddenAddress(address.address))
    return failed(
      `refused: ${host} resolves to ${address.address}, a loopback, private, link-local or metadata address`,
    );
  // Node's connect asks with `all` when it races address families; the answer is the same one address.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) callback(null, [address] as never, address.family);
    else callback(null, address.address, address.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = send(url, {
      method: 'POST',
      lookup: pinned,
      headers: {
        ...request.headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(request.body)),
        'user-agent': 'Outdial-Webhooks/1',
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish(failed(`timed out after ${options.timeoutMs ?? ATTEMPT_TIMEOUT_MS} ms`));
    }, options.timeoutMs ?? ATTEMPT_TIMEOUT_MS);
    req.on('error', (error: NodeJS.ErrnoException) => finish(failed(error.code ?? error.message)));
    req.on('response', (res: IncomingMessage) => {
      readCapped(res).then((responseBody) => {
        const statusCode = res.statusCode ?? null;
        const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
        finish({
          statusCode,
          durationMs: elapsed(),
          error: ok ? null : `HTTP ${statusCode}`,
          responseBody,
        });
        // What was not read is not wanted.
        res.destroy();
      });
    });
    req.end(request.body);
  });
}

/** At most MAX_RESPONSE_BODY_BYTES of the body, as text (a cut may split a character). */
function readCapped(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BODY_BYTES).toString('utf8'));
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= MAX_RESPONSE_BODY_BYTES) {
        res.removeAllListeners('data');
        res.pause();
        done();
      }
    });
    res.on('end', done);
    res.on('error', done);
    res.on('aborted', done);
  });
}

/**
 * @module
 * The HTTP side: routes `POST /twirp/livekit.<Service>/<Method>` to a TwirpMethod, with the
 * request record, injected faults and authentication around it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EmulatorFaults, MethodFault } from './emulator-options';
import { authenticateRequest } from './request-auth';
import type { EmulatorRequestRecord, RequestLog } from './request-log';
import { TwirpError } from './twirp-error';
import type { JsonValue, TwirpMethod } from './twirp-method';

export interface TwirpServerOptions {
  methods: readonly TwirpMethod[];
  requestLog: RequestLog;
  apiKey: string;
  apiSecret: string;
  faults: () => EmulatorFaults;
  random: () => number;
  log: (line: string) => void;
  /** Resolves after `ms`; the emulator's version is cancelled on stop. */
  sleep: (ms: number) => Promise<void>;
}

const PATH = /^\/twirp\/livekit\.([A-Za-z]+)\/([A-Za-z]+)$/;
const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new TwirpError('invalid_argument', 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// Returns the error rather than throwing it: the request is recorded, and faults apply, first.
function parseJson(text: string): JsonValue | TwirpError {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return new TwirpError('malformed', 'the json request could not be decoded');
  }
}

function field(body: JsonValue, ...names: string[]): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  for (const name of names) {
    const value = body[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

// What the record shows about a request, read from the raw JSON before any validation.
function describe(
  method: string,
  body: JsonValue,
): Pick<EmulatorRequestRecord, 'room' | 'phoneNumber' | 'sipTrunkId' | 'participantIdentity'> {
  const room = method === 'CreateRoom' ? field(body, 'name') : field(body, 'room', 'roomName', 'room_name');
  const phoneNumber = field(body, 'sipCallTo', 'sip_call_to');
  const sipTrunkId = field(body, 'sipTrunkId', 'sip_trunk_id');
  const participantIdentity = field(body, 'participantIdentity', 'participant_identity', 'identity');
  return {
    ...(room === undefined ? {} : { room }),
    ...(phoneNumber === undefined ? {} : { phoneNumber }),
    ...(sipTrunkId === undefined ? {} : { sipTrunkId }),
    ...(participantIdentity === undefined ? {} : { participantIdentity }),
  };
}

function send(
  res: ServerResponse,
  record: EmulatorRequestRecord | undefined,
  status: number,
  body: unknown,
  outcome: string,
): void {
  if (record) {
    record.status = status;
    record.outcome = outcome;
  }
  if (res.destroyed) return;
  // livekit-server-sdk only parses an error body when the content type is exactly application/json.
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, record: EmulatorRequestRecord | undefined, error: TwirpError): void {
  send(res, record, error.httpStatus, error.toJson(), error.outcome);
}

/** Creates the emulator's HTTP server (not yet listening). */
export function createTwirpServer(options: TwirpServerOptions): Server {
  const methods = new Map(options.methods.map((m) => [`${m.service}/${m.method}`, m]));

  function faultFor(method: string): MethodFault | undefined {
    const { errorRate } = options.faults();
    const fault = errorRate[method] ?? errorRate['*'];
    return fault && options.random() < fault.rate ? fault : undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const match = PATH.exec(url.pathname);
    const target = match ? methods.get(`${match[1]}/${match[2]}`) : undefined;
    if (!target) {
      sendError(res, undefined, new TwirpError('bad_route', `no handler for path "${url.pathname}"`));
      return;
    }
    const at = performance.now();
    const time = new Date().toISOString();
    let record: EmulatorRequestRecord | undefined;
    try {
      const parsed = parseJson(await readBody(req));
      const body = parsed instanceof TwirpError ? null : parsed;
      record = options.requestLog.add({
        service: target.service,
        method: target.method,
        at,
        time,
        ...describe(target.method, body),
      });
      if (req.method !== 'POST') {
        throw new TwirpError('bad_route', `unsupported method "${req.method}" (only POST is allowed)`);
      }
      const contentType = req.headers['content-type'] ?? '';
      if (!contentType.startsWith('application/json')) {
        throw new TwirpError('bad_route', `unexpected Content-Type: "${contentType}"`);
      }
      const { latencyMs } = options.faults();
      if (latencyMs > 0) await options.sleep(latencyMs);
      const fault = faultFor(target.method);
      if (fault?.kind === 'transport') {
        record.status = 0;
        record.outcome = 'fault';
        options.log(`${target.method}: injected transport fault`);
        req.socket.destroy();
        return;
      }
      if (fault) {
        options.log(`${target.method}: injected 503`);
        throw new TwirpError('unavailable', 'emulator: injected fault', { outcome: 'fault' });
      }
      if (parsed instanceof TwirpError) throw parsed;
      const claims = await authenticateRequest(req.headers.authorization, options.apiKey, options.apiSecret);
      const response = await target.handle(body, claims);
      send(res, record, 200, response.toJson(), 'ok');
    } catch (error) {
      if (error instanceof TwirpError) {
        sendError(res, record, error);
      } else {
        options.log(
          `${target.method}: internal error: ${error instanceof Error ? error.message : String(error)}`,
        );
        sendError(res, record, new TwirpError('internal', 'internal error'));
      }
    }
  }

  return createServer((req, res) => {
    void handle(req, res);
  });
}

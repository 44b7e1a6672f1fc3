/**
 * @module
 * `startLiveKitEmulator`: wires rooms, calls, webhooks and the Twirp server together.
 */
import type { AddressInfo } from 'node:net';
import { abortableSleep } from './abortable-sleep';
import { agentDispatchMethods } from './agent-dispatch-service';
import {
  DEFAULT_API_KEY,
  DEFAULT_API_SECRET,
  DEFAULT_RECORD_LIMIT,
  DEFAULT_TIMINGS,
  type EmulatorFaults,
  type EmulatorTimings,
  type LiveKitEmulatorOptions,
  NO_FAULTS,
} from './emulator-options';
import { type EmulatorRequestRecord, RequestLog } from './request-log';
import { type EmulatorRoom, RoomRegistry } from './room-registry';
import { roomServiceMethods } from './room-service';
import { SipCall, type SipCallRequest } from './sip-call';
import { sipServiceMethods } from './sip-service';
import { createTwirpServer } from './twirp-server';
import { type EmulatorWebhookRecord, WebhookSender } from './webhook-sender';

/** A running emulator. */
export interface LiveKitEmulator {
  /** `http://<host>:<port>`: pass it to livekit-server-sdk clients as the LiveKit URL. */
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The requests, in arrival order: the newest `recordLimit` of them. */
  readonly requests: readonly EmulatorRequestRecord[];
  /** The webhook events, in order, with their delivery status: the newest `recordLimit` of them. */
  readonly webhooks: readonly EmulatorWebhookRecord[];
  setWebhookUrl(url: string | undefined): void;
  /** Merges into the current faults. */
  setFaults(faults: Partial<EmulatorFaults>): void;
  /** Merges into the current timings; calls already placed keep theirs. */
  setTimings(timings: Partial<EmulatorTimings>): void;
  /** Current rooms, participants and dispatches. */
  rooms(): readonly EmulatorRoom[];
  /** `performance.now()` arrival times of the CreateSIPParticipant requests among `requests`. */
  dialStarts(): number[];
  /** The most CreateSIPParticipant arrivals in any sliding window of `windowMs` (default 1000). */
  maxStartsInWindow(windowMs?: number): number;
  /** The callee of every SIP call in the room hangs up now (a ringing call is declined with SIP 603). */
  hangUp(roomName: string): void;
  /** Forgets requests, webhooks, rooms and faults, and stops calls without sending webhooks. */
  reset(): void;
  /** Closes the server and connections, cancels timers and pending webhooks. */
  stop(): Promise<void>;
}

const silent = () => {};

/**
 * Starts a LiveKit server API emulator over HTTP. It is a test and demo double: no media, no SIP,
 * no telephony. Calls follow the test-number outcome table in `@outdial/contract`.
 *
 * @example
 * ```ts
 * import { startLiveKitEmulator } from '@outdial/livekit-emulator';
 * import { SipClient } from 'livekit-server-sdk';
 *
 * const emulator = await startLiveKitEmulator({ timings: { ringMs: 20, talkMs: 50 } });
 * const sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
 * await sip.createSipParticipant('ST_trunk', '+14155552671', 'room-1', { waitUntilAnswered: true });
 * await emulator.stop();
 * ```
 */
export async function startLiveKitEmulator(options: LiveKitEmulatorOptions = {}): Promise<LiveKitEmulator> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const apiSecret = options.apiSecret ?? DEFAULT_API_SECRET;
  const log = options.log ?? silent;
  const random = options.random ?? Math.random;
  let webhookUrl = options.webhookUrl;
  let timings: EmulatorTimings = { ...DEFAULT_TIMINGS, ...options.timings };
  let faults: EmulatorFaults = { ...NO_FAULTS, ...options.faults };
  let stopping = new AbortController();
  const recordLimit = options.recordLimit ?? DEFAULT_RECORD_LIMIT;

  const requestLog = new RequestLog(recordLimit);
  const webhooks = new WebhookSender({
    apiKey,
    apiSecret,
    url: () => webhookUrl,
    dropRate: () => faults.webhookDropRate,
    delayMs: () => faults.webhookDelayMs,
    random,
    log,
    recordLimit,
  });
  const rooms = new RoomRegistry((event) => webhooks.send(event), log);
  const calls = new Set<SipCall>();

  function startCall(request: SipCallRequest): SipCall {
    const call = new SipCall(request, {
      rooms,
      timings,
      forcedSipStatus: faults.forcedSipStatus,
      log,
      onEnded: (ended) => calls.delete(ended),
    });
    calls.add(call);
    call.start();
    return call;
  }

  function disposeCalls(): void {
    for (const call of [...calls]) call.dispose();
  }

  const server = createTwirpServer({
    methods: [...roomServiceMethods(rooms), ...agentDispatchMethods(rooms), ...sipServiceMethods(startCall)],
    requestLog,
    apiKey,
    apiSecret,
    faults: () => faults,
    random,
    log,
    sleep: (ms) => abortableSleep(ms, stopping.signal),
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    apiKey,
    apiSecret,
    get requests() {
      return requestLog.records;
    },
    get webhooks() {
      return webhooks.records;
    },
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    setFaults(next) {
      faults = { ...faults, ...next };
    },
    setTimings(next) {
      timings = { ...timings, ...next };
    },
    rooms: () => rooms.snapshot(),
    dialStarts: () => requestLog.dialStarts(),
    maxStartsInWindow: (windowMs) => requestLog.maxStartsInWindow(windowMs),
    hangUp(roomName) {
      for (const call of [...calls]) {
        if (call.request.roomName === roomName) call.calleeHangUp();
      }
    },
    reset() {
      disposeCalls();
      rooms.clear();
      requestLog.clear();
      webhooks.cancelAll({ clearRecords: true });
      faults = { ...NO_FAULTS };
      stopping.abort();
      stopping = new AbortController();
    },
    async stop() {
      disposeCalls();
      webhooks.cancelAll({ clearRecords: false });
      stopping.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

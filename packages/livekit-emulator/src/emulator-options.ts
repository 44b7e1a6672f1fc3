/**
 * @module
 * The emulator's options, timings and faults, with their defaults.
 */

/** How long each phase of a simulated call takes. All values are milliseconds. */
export interface EmulatorTimings {
  /** From the INVITE to the answer, for numbers that answer. `participant_joined` is sent when ringing starts. */
  ringMs: number;
  /** How long an answered call talks before the callee hangs up. */
  talkMs: number;
  /** How long `+15005550004` talks before hanging up. */
  earlyHangupMs: number;
  /**
   * How long `+15005550002` rings before the call fails as unanswered. When unset, the request's
   * `ringingTimeout` is used (30 s when the request has none), as LiveKit does.
   */
  noAnswerMs?: number | undefined;
  /** From the INVITE to a busy or trunk-failure response. */
  failMs: number;
}

/** An injected failure for one Twirp method. */
export interface MethodFault {
  /** Probability (0..1) that a request to the method fails. */
  rate: number;
  /** `http5xx` answers 503 `unavailable`; `transport` destroys the socket without a response. */
  kind: 'http5xx' | 'transport';
}

/** Faults to inject. */
export interface EmulatorFaults {
  /**
   * Failure rate per Twirp method, keyed by the method name as it appears in the URL
   * (`CreateSIPParticipant`, `CreateRoom`, `CreateDispatch`, …), or `*` for every method.
   * A method's own entry wins over `*`.
   */
  errorRate: Partial<Record<string, MethodFault>>;
  /** Added before handling each request. */
  latencyMs: number;
  /** When set, every `CreateSIPParticipant` call fails with this SIP status after `failMs`. */
  forcedSipStatus?: { code: number; status?: string } | undefined;
  /** Probability (0..1) that a webhook is dropped instead of sent. */
  webhookDropRate: number;
  /** Added before each webhook is sent. Order is preserved. */
  webhookDelayMs: number;
}

/** Options for {@link startLiveKitEmulator}. */
export interface LiveKitEmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Default `devkey`, like `livekit-server --dev`. */
  apiKey?: string;
  /** Default `secret-secret-secret-secret-secret`. */
  apiSecret?: string;
  /** Where webhooks are POSTed; can be changed later with `setWebhookUrl`. No URL, no webhooks. */
  webhookUrl?: string;
  timings?: Partial<EmulatorTimings>;
  faults?: Partial<EmulatorFaults>;
  /** A human-readable log line per event (the demo prints these); silent by default. */
  log?: (line: string) => void;
  /** Source of randomness for fault rates; `Math.random` by default. Inject one for reproducible tests. */
  random?: () => number;
  /**
   * How many request records and how many webhook records to keep (each), dropping the oldest
   * first, so a long-running emulator does not grow without bound. `dialStarts()` and
   * `maxStartsInWindow()` see the kept requests. Default {@link DEFAULT_RECORD_LIMIT};
   * `Infinity` keeps everything.
   */
  recordLimit?: number;
}

/** The records of each kind an emulator keeps by default: the last few thousand calls' worth. */
export const DEFAULT_RECORD_LIMIT = 10_000;

/** Defaults match the outcome table: rings about 300 ms, talks about 2 s. */
export const DEFAULT_TIMINGS: EmulatorTimings = {
  ringMs: 300,
  talkMs: 2000,
  earlyHangupMs: 1000,
  noAnswerMs: undefined,
  failMs: 100,
};

export const NO_FAULTS: EmulatorFaults = {
  errorRate: {},
  latencyMs: 0,
  forcedSipStatus: undefined,
  webhookDropRate: 0,
  webhookDelayMs: 0,
};

export const DEFAULT_API_KEY = 'devkey';
export const DEFAULT_API_SECRET = 'secret-secret-secret-secret-secret';

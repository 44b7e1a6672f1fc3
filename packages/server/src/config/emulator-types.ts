/**
 * @module
 * The slice of `@outdial/livekit-emulator` the server's public API names (`emulatorTimings`,
 * `RunningServer.emulator`), typed here so the server's declarations do not import the emulator:
 * it is an optional dependency, loaded only for `livekit: 'emulate'`. Kysely's habit: "we don't
 * use the type from better-sqlite3 here to not have a dependency to it".
 * test/emulator-types.test.ts checks these against the emulator's own types.
 */

/** How long each phase of a simulated call takes, in milliseconds (the emulator's `EmulatorTimings`). */
export interface EmulatorTimings {
  /** From the INVITE to the answer, for numbers that answer. */
  ringMs: number;
  /** How long an answered call talks before the callee hangs up. */
  talkMs: number;
  /** How long `+15005550004` talks before hanging up. */
  earlyHangupMs: number;
  /** How long `+15005550002` rings before the call fails as unanswered; unset, the dial's ring timeout. */
  noAnswerMs?: number | undefined;
  /** From the INVITE to a busy or trunk-failure response. */
  failMs: number;
}

/**
 * The in-process emulator of `livekit: 'emulate'`, as far as the server promises it: where it
 * listens, its credentials, and its timings. The object is the emulator's own `LiveKitEmulator`;
 * code that has `@outdial/livekit-emulator` installed may treat it as one.
 */
export interface EmulatedLiveKit {
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Changes the timings of calls dialed from now on. */
  setTimings(timings: Partial<EmulatorTimings>): void;
}

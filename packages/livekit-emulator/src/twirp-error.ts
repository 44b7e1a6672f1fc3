/**
 * @module
 * Twirp errors as the emulator answers them: `{ code, msg, meta }` with Twirp's HTTP status.
 */

/** Twirp's error codes and the HTTP status each one is sent with (from the Twirp spec). */
export const TWIRP_HTTP_STATUS = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
} as const;

export type TwirpCode = keyof typeof TWIRP_HTTP_STATUS;

/** An error a handler throws to answer with a Twirp error response. */
export class TwirpError extends Error {
  readonly code: TwirpCode;
  readonly meta: Readonly<Record<string, string>> | undefined;
  /** What the request record says happened (`unauthenticated`, `busy`, …); defaults to the code. */
  readonly outcome: string;

  constructor(
    code: TwirpCode,
    msg: string,
    options: { meta?: Record<string, string>; outcome?: string } = {},
  ) {
    super(msg);
    this.name = 'TwirpError';
    this.code = code;
    this.meta = options.meta;
    this.outcome = options.outcome ?? code;
  }

  get httpStatus(): number {
    return TWIRP_HTTP_STATUS[this.code];
  }

  /** The JSON body Twirp sends. */
  toJson(): { code: TwirpCode; msg: string; meta?: Record<string, string> } {
    return this.meta
      ? { code: this.code, msg: this.message, meta: { ...this.meta } }
      : { code: this.code, msg: this.message };
  }
}

/**
 * @module
 * The record of the requests the emulator received (the newest `recordLimit`), for assertions
 * such as "exactly one CreateSIPParticipant per call" or "at most N dial starts per second".
 */
import { RecordRing } from './record-ring';

/** One request, as the emulator saw and answered it. */
export interface EmulatorRequestRecord {
  /** 1-based arrival order. */
  readonly seq: number;
  /** Twirp service, e.g. `RoomService`, `AgentDispatchService`, `SIP`. */
  readonly service: string;
  /** Twirp method, e.g. `CreateSIPParticipant`. */
  readonly method: string;
  readonly room?: string;
  /** The dialled number (`sipCallTo`) of a `CreateSIPParticipant`. */
  readonly phoneNumber?: string;
  /** The outbound trunk (`sipTrunkId`) of a `CreateSIPParticipant`, for per-trunk pacing checks. */
  readonly sipTrunkId?: string;
  readonly participantIdentity?: string;
  /** `performance.now()` on arrival. */
  readonly at: number;
  /** Wall-clock arrival time, ISO 8601. */
  readonly time: string;
  /** HTTP status sent; 0 while pending or when a transport fault dropped the connection. */
  status: number;
  /**
   * `pending` until answered, then `ok`, `unauthenticated`, `permission_denied`, `busy`,
   * `no_answer`, `failed`, `fault`, `not_found`, `invalid_argument`, `bad_route`, `malformed`…
   */
  outcome: string;
}

const CREATE_SIP_PARTICIPANT = 'CreateSIPParticipant';

/** Appends records in arrival order, keeping the newest `limit`, and answers questions about them. */
export class RequestLog {
  readonly #records: RecordRing<EmulatorRequestRecord>;

  constructor(limit: number) {
    this.#records = new RecordRing(limit);
  }

  /** The kept records, oldest first (a copy). */
  get records(): readonly EmulatorRequestRecord[] {
    return this.#records.toArray();
  }

  /** Records a request on arrival; the caller fills in `status` and `outcome` when it answers. */
  add(entry: Omit<EmulatorRequestRecord, 'seq' | 'status' | 'outcome'>): EmulatorRequestRecord {
    const record: EmulatorRequestRecord = {
      ...entry,
      seq: this.#records.added + 1,
      status: 0,
      outcome: 'pending',
    };
    this.#records.push(record);
    return record;
  }

  /** Arrival times of the kept `CreateSIPParticipant` requests, in order. */
  dialStarts(): number[] {
    return this.records.filter((r) => r.method === CREATE_SIP_PARTICIPANT).map((r) => r.at);
  }

  /** The most `CreateSIPParticipant` arrivals inside any window of `windowMs` (half-open: [t, t + windowMs)). */
  maxStartsInWindow(windowMs = 1000): number {
    const starts = this.dialStarts().sort((a, b) => a - b);
    let best = 0;
    let first = 0;
    for (let last = 0; last < starts.length; last++) {
      while ((starts[last] as number) - (starts[first] as number) >= windowMs) first++;
      best = Math.max(best, last - first + 1);
    }
    return best;
  }

  clear(): void {
    this.#records.clear();
  }
}

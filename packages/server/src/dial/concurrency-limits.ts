/**
 * @module
 * Concurrency limits on live calls (connecting, ringing or active): a batch's
 * `maxConcurrentCalls`, and OUTDIAL_MAX_CONCURRENT_CALLS per organization. Checked before a
 * call's claim, so a call held back takes no pacing slot; it waits here, in memory (still `queued`
 * in the database), and goes back to the Dial queue when a live call of its batch or organization
 * ends. Live calls are followed through the committed status changes
 * (store/call-transitions.ts), whoever wrote them (the dial's outcome, LiveKit's webhooks).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { CallRow, CallStore } from '../ports/call-store';
import type { DialKey } from '../ports/dial-backlog';
import { CALL_TRANSITION_CHANNEL, type CallTransitionMessage } from '../store/call-transitions';
import { compareDialKeys } from './dial-order';

const LIVE: readonly string[] = ['connecting', 'ringing', 'active'];

export interface ConcurrencyLimitsDeps {
  calls: CallStore;
  /** OUTDIAL_MAX_CONCURRENT_CALLS: live calls per organization; undefined for no limit. */
  perOrganization?: number | undefined;
  /** Hands a call that may now be dialed back to the Dial queue. */
  readmit(call: DialKey): void;
}

/** A live call as the limits count it. */
export interface LiveCall {
  id: string;
  organizationId: string;
  batchId: string | null;
}

/** One limit: a batch's or an organization's. */
interface Group {
  max: number;
  /** Its calls live now, and those reserved for a claim in progress. */
  live: Set<string>;
  held: Map<string, DialKey>;
}

/**
 * @example
 * ```ts
 * const limits = new ConcurrencyLimits({ calls, perOrganization: 100, readmit: (call) => window.admit(call) });
 * limits.limitBatch('batch_1', 20);
 * if (!limits.reserve(key)) return; // held until a live call of its batch (or organization) ends
 * ```
 */
export class ConcurrencyLimits {
  readonly #deps: ConcurrencyLimitsDeps;
  readonly #batchLimits = new Map<string, number>();
  readonly #groups = new Map<string, Group>();
  /** The groups each live (or reserved) call counts in. */
  readonly #groupsOfCall = new Map<string, string[]>();
  #subscribed = false;
  readonly #onTransition = (message: unknown): void => {
    const { calls, to, call } = message as CallTransitionMessage;
    if (calls !== this.#deps.calls) return;
    this.#follow(call, to);
  };

  constructor(deps: ConcurrencyLimitsDeps) {
    this.#deps = deps;
  }

  /** Whether any limit applies at all: without one, nothing is followed or checked. */
  get active(): boolean {
    return this.#deps.perOrganization !== undefined || this.#batchLimits.size > 0;
  }

  /** From now on at most `max` of the batch's calls are live at once. */
  limitBatch(batchId: string, max: number): void {
    this.#batchLimits.set(batchId, max);
    this.#subscribe();
  }

  /** @param live the calls live now (left by a previous run) */
  start(live: readonly LiveCall[]): void {
    if (!this.active) return;
    for (const call of live) {
      this.#count(call.id, this.#groupKeys({ organization_id: call.organizationId, batch_id: call.batchId }));
    }
    this.#subscribe();
  }

  /** Held calls are dropped from memory: they stay queued, and the next start reads them again. */
  stop(): void {
    if (this.#subscribed) unsubscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    this.#subscribed = false;
    this.#groups.clear();
    this.#groupsOfCall.clear();
  }

  /**
   * Reserves a live place for the call about to be claimed, or holds it back.
   * @returns false when its batch or organization is at its limit: the call waits here
   */
  reserve(call: DialKey): boolean {
    if (!this.active) return true;
    const keys = this.#groupKeys({
      organization_id: call.organizationId ?? '',
      batch_id: call.batchId ?? null,
    });
    for (const key of keys) {
      const group = this.#group(key);
      if (group && group.live.size >= group.max) {
        group.held.set(call.id, call);
        return false;
      }
    }
    this.#count(call.id, keys);
    return true;
  }

  /**
   * A call's status changed on another replica (committed there): LiveKit's webhooks may reach
   * any replica, and a call of the organization may be live on another trunk's leader.
   */
  changedElsewhere(change: {
    callId: string;
    organizationId: string;
    batchId: string | null;
    to: string;
  }): void {
    if (!this.#subscribed) return;
    this.#follow(
      { id: change.callId, organization_id: change.organizationId, batch_id: change.batchId },
      change.to,
    );
  }

  /**
   * The live calls as the database has them now, replacing what was followed: after missed
   * signals from other replicas (a call whose end was not heard would hold its place for good).
   * Held calls stay held, and get the places that turn out to be free.
   */
  resync(live: readonly LiveCall[]): void {
    if (!this.#subscribed) return;
    const nowLive = new Set(live.map((call) => call.id));
    for (const callId of [...this.#groupsOfCall.keys()]) if (!nowLive.has(callId)) this.release(callId);
    for (const call of live) {
      if (this.#groupsOfCall.has(call.id)) continue;
      this.#count(call.id, this.#groupKeys({ organization_id: call.organizationId, batch_id: call.batchId }));
    }
  }

  #follow(call: Pick<CallRow, 'id' | 'organization_id' | 'batch_id'>, to: string): void {
    if (LIVE.includes(to)) this.#count(call.id, this.#groupKeys(call));
    else this.release(call.id);
  }

  /** The call is no longer live (ended, or its claim found it gone): its places go to held calls. */
  release(callId: string): void {
    const keys = this.#groupsOfCall.get(callId);
    if (!keys) return;
    this.#groupsOfCall.delete(callId);
    for (const key of keys) {
      const group = this.#groups.get(key);
      if (!group?.live.delete(callId) || group.held.size === 0) continue;
      const next = [...group.held.values()].sort(compareDialKeys)[0] as DialKey;
      group.held.delete(next.id);
      this.#deps.readmit(next);
    }
  }

  #count(callId: string, keys: readonly string[]): void {
    if (keys.length === 0) return;
    for (const key of keys) this.#group(key)?.live.add(callId);
    this.#groupsOfCall.set(callId, [...keys]);
  }

  #groupKeys(call: Pick<CallRow, 'organization_id' | 'batch_id'>): string[] {
    const keys: string[] = [];
    if (call.batch_id && this.#batchLimits.has(call.batch_id)) keys.push(`batch:${call.batch_id}`);
    if (this.#deps.perOrganization !== undefined) keys.push(`org:${call.organization_id}`);
    return keys;
  }

  #group(key: string): Group | undefined {
    let group = this.#groups.get(key);
    if (group) return group;
    const max = key.startsWith('batch:')
      ? this.#batchLimits.get(key.slice('batch:'.length))
      : this.#deps.perOrganization;
    if (max === undefined) return undefined;
    group = { max, live: new Set(), held: new Map() };
    this.#groups.set(key, group);
    return group;
  }

  #subscribe(): void {
    if (this.#subscribed) return;
    subscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    this.#subscribed = true;
  }
}

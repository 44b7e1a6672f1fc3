/**
 * @module
 * One Dial queue per SIP trunk. The pacing unit is the trunk a call's INVITE goes out on (its
 * agent's `sipTrunkId`, or the server's default trunk), and each trunk has its own CPS budget
 * (`outdial trunks set`, else DIAL_CPS): a backlog on one trunk never holds up another, and no
 * 1 s window of a trunk holds more starts than its budget.
 *
 * Why a queue per trunk rather than one queue with a pacer per trunk: a queue holds calls claimed
 * ahead of their slot and a window of the backlog in dial order; shared, a trunk at its budget
 * would fill both with its calls and starve the others. Apart, each trunk's window reads only its
 * calls (trunk-backlog.ts), and on replicas each trunk has its own leader.
 *
 * What spans trunks stays here: the organization's concurrency limit (one ConcurrencyLimits for
 * every trunk's queue of this process), batch decisions (a batch's agent may move), and routing:
 * a call goes to its agent's trunk's queue, and a queue that finds at dial time that the agent
 * moved hands the call back (DialQueue) for the right one. Trunks appear as agents name them and
 * budgets as they are stored; both are re-read every `refreshMs`.
 */
import type { Logger } from 'pino';
import type { BatchQueue } from '../batches/batch-queue';
import type { CallCancellation, CallQueue, QueuedCallNotice } from '../calls/call-queue';
import type { CallRow } from '../ports/call-store';
import type { DialBacklog, DialKey } from '../ports/dial-backlog';
import type { ConcurrencyLimits } from './concurrency-limits';
import type { DialQueueTrunk } from './dial-queue';

/** What each trunk's queue is: a DialQueue, or a replica's (dialing while it leads the trunk). */
export interface TrunkQueue extends CallQueue, BatchQueue {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly pendingTeardowns: number;
  admit(call: DialKey): void;
  isDialing(callId: string): boolean;
  setCps(cps: number): void;
  rereadBacklog(): void;
  cancelledElsewhere(callId: string): Promise<void>;
}

export interface TrunkDialQueuesDeps<Q extends TrunkQueue> {
  /** The trunk of agents that name none: LIVEKIT_SIP_TRUNK_ID, or `default`. */
  defaultTrunkId: string;
  /** DIAL_CPS: the budget of a trunk without a stored one. */
  defaultCps: number;
  /** A new, unstarted queue for one trunk, dialing at `cps`. */
  createQueue(trunk: DialQueueTrunk, cps: number): Q;
  backlog: Pick<DialBacklog, 'agentDialSettings' | 'agentTrunkIds' | 'liveCalls'>;
  /** The stored budgets (trunk id → CPS). Default: none, every trunk dials at `defaultCps`. */
  budgets?: () => Promise<ReadonlyMap<string, number>>;
  /** Shared by every trunk's queue; started and stopped here. */
  concurrency: ConcurrencyLimits;
  /** How often trunks and budgets are re-read. Default 5 s. */
  refreshMs?: number;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** How long an agent's trunk is trusted for routing: a stale answer costs one hand-back at dial time. */
const AGENT_TRUNK_TTL_MS = 10_000;

export class TrunkDialQueues<Q extends TrunkQueue = TrunkQueue> implements CallQueue, BatchQueue {
  readonly #deps: TrunkDialQueuesDeps<Q>;
  readonly #queues = new Map<string, Q>();
  readonly #budgets = new Map<string, number>();
  readonly #agentTrunks = new Map<string, { trunkId: string; until: number }>();
  /** What later trunks' queues must start with: batches paused, and batch limits. */
  readonly #paused = new Set<string>();
  readonly #batchLimits = new Map<string, number>();
  #started = false;
  #timer: NodeJS.Timeout | undefined;
  #refreshing: Promise<void> | undefined;
  /** A queue was added for a trunk (a replica then contends for its lock). */
  onTrunk: (trunkId: string) => void = () => {};

  constructor(deps: TrunkDialQueuesDeps<Q>) {
    this.#deps = deps;
  }

  /** Whether any trunk is being dialed here now (a replica may lead some trunks and follow others). */
  get running(): boolean {
    if (!this.#started) return false;
    for (const queue of this.#queues.values()) if (queue.running) return true;
    return false;
  }

  protected get logger(): TrunkDialQueuesDeps<Q>['logger'] {
    return this.#deps.logger;
  }

  get pendingTeardowns(): number {
    let pending = 0;
    for (const queue of this.#queues.values()) pending += queue.pendingTeardowns;
    return pending;
  }

  /** The trunks dialed, each with its budget, in trunk id order. */
  trunks(): { trunkId: string; cps: number }[] {
    return [...this.#queues.keys()].sort().map((trunkId) => ({ trunkId, cps: this.#cpsOf(trunkId) }));
  }

  /** The queue of one trunk (created on first use). */
  queueOf(trunkId: string): Q {
    let queue = this.#queues.get(trunkId);
    if (queue) return queue;
    queue = this.#deps.createQueue(
      {
        filter: { trunkId, isDefault: trunkId === this.#deps.defaultTrunkId },
        moved: (call, sipTrunkId) => this.#route(call, sipTrunkId),
      },
      this.#cpsOf(trunkId),
    );
    this.#queues.set(trunkId, queue);
    for (const [batchId, max] of this.#batchLimits) queue.limitBatch(batchId, max);
    for (const batchId of this.#paused) void queue.pauseBatch(batchId);
    this.onTrunk(trunkId);
    if (this.#started) {
      this.#deps.logger.info({ trunkId, cps: this.#cpsOf(trunkId) }, 'dialing a new trunk');
      queue
        .start()
        .catch((error: unknown) =>
          this.#deps.logger.error({ err: error, trunkId }, 'could not start dialing a trunk'),
        );
    }
    return queue;
  }

  /** Starts a queue for the default trunk, every trunk an agent names and every stored budget. */
  async start(): Promise<void> {
    if (this.#started) return;
    const live = this.#deps.concurrency.active ? await this.#deps.backlog.liveCalls() : [];
    await this.#refresh();
    this.queueOf(this.#deps.defaultTrunkId);
    this.#deps.concurrency.start(live);
    this.#started = true;
    await Promise.all([...this.#queues.values()].map((queue) => queue.start()));
    this.#timer = setInterval(() => void this.refresh(), this.#deps.refreshMs ?? 5_000);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#started = false;
    await this.#refreshing;
    await Promise.all([...this.#queues.values()].map((queue) => queue.stop()));
    this.#deps.concurrency.stop();
  }

  /** A call's status changed on another replica: the concurrency limits count it too. */
  protected changedElsewhere(change: Parameters<ConcurrencyLimits['changedElsewhere']>[0]): void {
    this.#deps.concurrency.changedElsewhere(change);
  }

  /** Re-reads the live calls the concurrency limits count (signals from other replicas were missed). */
  protected async resyncLiveCalls(): Promise<void> {
    if (!this.#deps.concurrency.active) return;
    this.#deps.concurrency.resync(await this.#deps.backlog.liveCalls());
  }

  /** Re-reads the trunks agents name and the stored budgets (also every `refreshMs`). */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#refresh()
      .catch((error: unknown) => this.#deps.logger.warn({ err: error }, 'could not re-read trunks'))
      .finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  async #refresh(): Promise<void> {
    const [trunkIds, budgets] = await Promise.all([
      this.#deps.backlog.agentTrunkIds(),
      this.#deps.budgets?.() ?? new Map<string, number>(),
    ]);
    const changed = new Set([...this.#budgets.keys(), ...budgets.keys()]);
    this.#budgets.clear();
    for (const [trunkId, cps] of budgets) this.#budgets.set(trunkId, cps);
    for (const trunkId of changed) {
      const queue = this.#queues.get(trunkId);
      if (queue) queue.setCps(this.#cpsOf(trunkId));
    }
    for (const trunkId of [...trunkIds, ...budgets.keys()]) this.queueOf(trunkId);
  }

  #cpsOf(trunkId: string): number {
    return this.#budgets.get(trunkId) ?? this.#deps.defaultCps;
  }

  notifyQueued(call: QueuedCallNotice): void {
    const trunkId = this.#cachedTrunkOf(call.agent_id);
    if (trunkId !== undefined) {
      this.queueOf(trunkId).notifyQueued(call);
      return;
    }
    void this.#trunkOf(call.agent_id).then((resolved) => this.queueOf(resolved).notifyQueued(call));
  }

  notifyQueuedMany(calls: readonly QueuedCallNotice[]): void {
    if (calls.length === 0) return;
    void this.#byTrunk(calls).then((byTrunk) => {
      for (const [trunkId, notices] of byTrunk) this.queueOf(trunkId).notifyQueuedMany(notices);
    });
  }

  /** Another process may have queued calls without a notice reaching this one: every trunk re-reads. */
  rereadBacklog(): void {
    for (const queue of this.#queues.values()) queue.rereadBacklog();
  }

  /** Another process committed the call's cancel: whichever trunk's queue holds it lets it go. */
  async cancelledElsewhere(callId: string): Promise<void> {
    await Promise.all([...this.#queues.values()].map((queue) => queue.cancelledElsewhere(callId)));
  }

  /**
   * The cancel is ordered against the INVITE by the queue dialing the call, if one is; else by its
   * agent's trunk's queue. The other queues then let it go too, in case one took it meanwhile
   * (its INVITE is then abandoned, as for a cancel committed by another process).
   */
  async cancel(
    before: CallRow,
    commit: (cancellation: CallCancellation) => Promise<CallRow | undefined>,
  ): Promise<CallRow | undefined> {
    const dialing = [...this.#queues.values()].find((queue) => queue.isDialing(before.id));
    const owner = dialing ?? this.queueOf(await this.#trunkOf(before.agent_id));
    const cancelled = await owner.cancel(before, commit);
    if (cancelled) {
      await Promise.all(
        [...this.#queues.values()]
          .filter((queue) => queue !== owner)
          .map((queue) => queue.cancelledElsewhere(before.id)),
      );
    }
    return cancelled;
  }

  limitBatch(batchId: string, max: number): void {
    this.#batchLimits.set(batchId, max);
    for (const queue of this.#queues.values()) queue.limitBatch(batchId, max);
  }

  async pauseBatch(batchId: string): Promise<void> {
    this.#paused.add(batchId);
    await Promise.all([...this.#queues.values()].map((queue) => queue.pauseBatch(batchId)));
  }

  resumeBatch(batchId: string, queued: readonly QueuedCallNotice[]): void {
    this.#paused.delete(batchId);
    for (const queue of this.#queues.values()) queue.resumeBatch(batchId, []);
    this.notifyQueuedMany(queued);
  }

  /** `cancelWaiting` commits once, while every trunk's queue holds the batch back. */
  async cancelBatch(batchId: string, cancelWaiting: () => Promise<unknown>): Promise<void> {
    let committed: Promise<unknown> | undefined;
    const once = () => {
      committed ??= cancelWaiting();
      return committed;
    };
    try {
      await Promise.all([...this.#queues.values()].map((queue) => queue.cancelBatch(batchId, once)));
    } finally {
      this.#paused.delete(batchId);
      this.#batchLimits.delete(batchId);
    }
  }

  /** A call a trunk's queue handed back (its agent moved): to the queue of the trunk it now goes out on. */
  #route(call: DialKey, sipTrunkId: string | null): void {
    const trunkId = sipTrunkId ?? this.#deps.defaultTrunkId;
    // Whatever was cached of its agent is stale; the agent id is not on the key, so all go.
    this.#agentTrunks.clear();
    this.queueOf(trunkId).admit({ ...call, trunkId });
  }

  #cachedTrunkOf(agentId: string | undefined): string | undefined {
    if (agentId === undefined) return this.#deps.defaultTrunkId;
    const cached = this.#agentTrunks.get(agentId);
    return cached && cached.until > performance.now() ? cached.trunkId : undefined;
  }

  /** The trunk a dial of the agent's calls goes out on now (a deleted agent: the default). */
  async #trunkOf(agentId: string | undefined): Promise<string> {
    const cached = this.#cachedTrunkOf(agentId);
    if (cached !== undefined) return cached;
    let trunkId = this.#deps.defaultTrunkId;
    try {
      const agent = await this.#deps.backlog.agentDialSettings(agentId as string);
      trunkId = agent?.sipTrunkId ?? this.#deps.defaultTrunkId;
      this.#agentTrunks.set(agentId as string, { trunkId, until: performance.now() + AGENT_TRUNK_TTL_MS });
    } catch (error) {
      // Its window's rescan finds it; routed to the default, a dial would hand it back.
      this.#deps.logger.warn({ err: error, agentId }, "could not read an agent's trunk");
    }
    return trunkId;
  }

  async #byTrunk(calls: readonly QueuedCallNotice[]): Promise<Map<string, QueuedCallNotice[]>> {
    const byTrunk = new Map<string, QueuedCallNotice[]>();
    for (const call of calls) {
      const trunkId = await this.#trunkOf(call.agent_id);
      const notices = byTrunk.get(trunkId);
      if (notices) notices.push(call);
      else byTrunk.set(trunkId, [call]);
    }
    return byTrunk;
  }
}

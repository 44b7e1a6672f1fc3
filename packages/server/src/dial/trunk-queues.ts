/**
 * @module
 * `GET /api/v1/queue`: one organization's view of the Dial queue, per SIP trunk, read from the
 * database (the source of truth, also for calls another process accepted or dialed): its queued
 * calls by priority, the trunk's budget, its dial starts in each of the last 60 seconds, and the
 * process that dials the trunk.
 */
import type { components } from '@outdial/contract';
import type { Clock } from '../ports/clock';
import type { DialBacklog } from '../ports/dial-backlog';
import type { TrunkBudgetStore } from '../ports/trunk-budget-store';

type QueueSnapshot = components['schemas']['QueueResponse']['data'];
type TrunkQueue = components['schemas']['TrunkQueue'];

/** The trunk id shown when neither the agent nor the server names one (as the metrics label it). */
export const UNNAMED_DEFAULT_TRUNK = 'default';
const PRIORITIES = 11;
const SECONDS = 60;

export interface TrunkQueuesDeps {
  backlog: Pick<DialBacklog, 'organizationDepthByTrunk' | 'organizationDialsSince'>;
  clock: Clock;
  /** DIAL_CPS: the budget of a trunk without a stored one. */
  cps: number;
  /** The stored budgets (`outdial trunks set`). */
  budgets: Pick<TrunkBudgetStore, 'list'>;
  /** The server's default trunk (LIVEKIT_SIP_TRUNK_ID), for agents that name none. */
  defaultTrunkId: string | undefined;
  /**
   * The process (`host:pid`) that dials `trunkId`: this one when it runs a Dial queue that dials,
   * or of replicas the one holding the trunk's lock; null when none dials it.
   */
  leader: (trunkId: string) => Promise<string | null>;
}

export class TrunkQueues {
  constructor(private readonly deps: TrunkQueuesDeps) {}

  async of(organizationId: string): Promise<QueueSnapshot> {
    const now = this.deps.clock.now();
    // The window's 60 whole seconds end with the one now running.
    const nowSecond = Math.floor(now.getTime() / 1000);
    const firstSecond = nowSecond - (SECONDS - 1);
    const [depth, dials, stored] = await Promise.all([
      this.deps.backlog.organizationDepthByTrunk(organizationId),
      this.deps.backlog.organizationDialsSince(organizationId, new Date(firstSecond * 1000)),
      this.deps.budgets.list(),
    ]);
    const budgets = new Map(stored.map(({ trunkId, cps }) => [trunkId, cps]));

    const defaultTrunk = this.deps.defaultTrunkId ?? UNNAMED_DEFAULT_TRUNK;
    const trunks = new Map<string, TrunkQueue>();
    // The default trunk is always listed, so an idle queue still shows its budget.
    const trunk = (sipTrunkId: string | null): TrunkQueue => {
      const trunkId = sipTrunkId ?? defaultTrunk;
      let entry = trunks.get(trunkId);
      if (!entry) {
        entry = {
          trunkId,
          cps: budgets.get(trunkId) ?? this.deps.cps,
          queued: 0,
          queuedByPriority: new Array<number>(PRIORITIES).fill(0),
          dialsLastMinute: new Array<number>(SECONDS).fill(0),
          leader: null,
        };
        trunks.set(trunkId, entry);
      }
      return entry;
    };
    trunk(null);
    for (const row of depth) {
      const entry = trunk(row.sipTrunkId);
      entry.queued += row.calls;
      entry.queuedByPriority[row.priority] = (entry.queuedByPriority[row.priority] ?? 0) + row.calls;
    }
    for (const row of dials) {
      const index = Math.floor(Date.parse(`${row.second}Z`) / 1000) - firstSecond;
      // A dial stamped by a clock ahead of this one lands in the newest second, not outside.
      const slot = Math.min(Math.max(index, 0), SECONDS - 1);
      const entry = trunk(row.sipTrunkId);
      entry.dialsLastMinute[slot] = (entry.dialsLastMinute[slot] ?? 0) + row.calls;
    }
    // Each trunk has its own leader among replicas.
    await Promise.all(
      [...trunks.values()].map(async (entry) => {
        entry.leader = await this.deps.leader(entry.trunkId);
      }),
    );
    return {
      at: now.toISOString(),
      trunks: [...trunks.values()].sort((a, b) =>
        a.trunkId < b.trunkId ? -1 : a.trunkId > b.trunkId ? 1 : 0,
      ),
    };
  }
}

/**
 * @module
 * Gauges of the dial pipeline read from the database at scrape time (the database is the source
 * of truth, also for calls queued by another process): the queued backlog and the live calls.
 * Nothing runs between scrapes.
 */
import { Gauge, type Registry } from 'prom-client';
import type { CallStore } from '../ports/call-store';
import type { DialBacklog } from '../ports/dial-backlog';

/** Calls between claim and end. */
const LIVE_CALL_STATUSES = ['connecting', 'ringing', 'active'] as const;

export interface DialPipelineGaugesDeps {
  registry: Registry;
  calls: CallStore;
  backlog: DialBacklog;
  /** DIAL_CPS: the dial starts per second the pacer allows. */
  cpsBudget: number;
  /** The `trunk` label of an agent's trunk (null: the default trunk). */
  trunkLabel: (sipTrunkId: string | null) => string;
}

export function registerDialPipelineGauges({
  registry,
  calls,
  backlog,
  cpsBudget,
  trunkLabel,
}: DialPipelineGaugesDeps): void {
  new Gauge({
    name: 'outdial_dial_cps_budget',
    help: 'Dial starts per second the pacer allows (DIAL_CPS), shared by every trunk.',
    registers: [registry],
  }).set(cpsBudget);

  // A series, once seen, reports 0 when its backlog drains instead of vanishing: sums and alerts
  // over it then read 0, not "no data". Bounded by trunks × the 11 priorities.
  const seen = new Set<string>();
  new Gauge({
    name: 'outdial_queue_depth',
    help: 'Queued calls by SIP trunk (the agent’s, or the default) and priority (0 most urgent).',
    labelNames: ['trunk', 'priority'],
    registers: [registry],
    async collect() {
      const depth = new Map<string, number>();
      for (const row of await backlog.depthByTrunk()) {
        // Agents naming the default trunk explicitly and agents naming none share one series.
        const key = JSON.stringify([trunkLabel(row.sipTrunkId), String(row.priority)]);
        depth.set(key, (depth.get(key) ?? 0) + row.calls);
        seen.add(key);
      }
      for (const key of seen) {
        const [trunk, priority] = JSON.parse(key) as [string, string];
        this.set({ trunk, priority }, depth.get(key) ?? 0);
      }
    },
  });

  new Gauge({
    name: 'outdial_calls_live',
    help: 'Calls being dialed or talking, by status (connecting, ringing, active).',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      // Every live status, with 0 for those that have no call: a gauge must not vanish at zero.
      const counts = await calls.countByStatus(LIVE_CALL_STATUSES);
      for (const status of LIVE_CALL_STATUSES) this.set({ status }, counts[status]);
    },
  });
}

/**
 * @module
 * The metrics of one server: its own prom-client `Registry` (never the global one: several
 * servers may share a process), the process's default metrics, and the observers of calls,
 * LiveKit requests and HTTP requests. Built only when metrics are on (OUTDIAL_METRICS); otherwise
 * nothing subscribes, and the publishers skip building their messages.
 */
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { UNNAMED_DEFAULT_TRUNK } from '../dial/trunk-queues';
import type { Stores } from '../ports/stores';
import { observeCalls } from './call-metrics';
import { registerDialPipelineGauges } from './dial-pipeline-gauges';
import { measureHttpRequests } from './http-request-metrics';
import { observeLiveKitRequests } from './livekit-request-metrics';

export interface ServerMetricsDeps {
  stores: Pick<Stores, 'calls' | 'dialBacklog'>;
  /** DIAL_CPS. */
  dialCps: number;
  /** Null when LiveKit is not configured: nothing is dialed, no LiveKit request is made. */
  livekit: { url: string; sipTrunkId?: string } | null;
}

/**
 * @example
 * ```ts
 * const metrics = new ServerMetrics({ stores, dialCps: 10, livekit });
 * app.use(metrics.httpRequests);
 * const text = await metrics.registry.metrics();
 * metrics.close();
 * ```
 */
export class ServerMetrics {
  readonly registry = new Registry();
  /** Express middleware timing every API request; mount it first. */
  readonly httpRequests: RequestHandler;
  readonly #unsubscribes: (() => void)[] = [];

  constructor(deps: ServerMetricsDeps) {
    const { registry } = this;
    // The standard process_* and nodejs_* names, as every Node dashboard expects them.
    collectDefaultMetrics({ register: registry });
    const defaultTrunk = deps.livekit?.sipTrunkId ?? UNNAMED_DEFAULT_TRUNK;
    const trunkLabel = (sipTrunkId: string | null) => sipTrunkId ?? defaultTrunk;
    const { calls, dialBacklog: backlog } = deps.stores;
    registerDialPipelineGauges({ registry, calls, backlog, cpsBudget: deps.dialCps, trunkLabel });
    this.#unsubscribes.push(observeCalls({ registry, calls, trunkLabel }));
    if (deps.livekit)
      this.#unsubscribes.push(observeLiveKitRequests({ registry, livekitUrl: deps.livekit.url }));
    this.httpRequests = measureHttpRequests(registry);
  }

  /** Stops observing. (prom-client's GC and event-loop monitors stay for the process.) */
  close(): void {
    for (const unsubscribe of this.#unsubscribes.splice(0)) unsubscribe();
  }
}

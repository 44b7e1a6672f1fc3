/**
 * @module
 * `outdial.queue`: your organization's view of the Dial queue, per SIP trunk.
 */
import type { ApiPromise } from '../core/api-promise';
import type { RequestOptions } from '../core/request-options';
import { ApiResource } from '../core/resource';
import type { QueueSnapshot } from '../models';

/**
 * The Dial queue resource, as `outdial.queue`.
 *
 * @example
 * ```ts
 * const { trunks } = await outdial.queue.get();
 * ```
 */
export class Queue extends ApiResource {
  /**
   * Per SIP trunk: your calls waiting (by priority), the trunk's CPS budget, your dials in each
   * of the last 60 seconds, and the server process that dials the trunk.
   *
   * @example
   * ```ts
   * const { trunks } = await outdial.queue.get();
   * for (const t of trunks) console.log(t.trunkId, t.queued, `${Math.max(...t.dialsLastMinute)}/${t.cps} cps`);
   * ```
   */
  get(options?: RequestOptions): ApiPromise<QueueSnapshot> {
    return this._client.get('/api/v1/queue', {}, options);
  }
}

/**
 * @module
 * The main thread's side of webhook delivery in a worker (webhook-delivery-worker.ts): it only
 * tells the worker that there is work. A committed status change that owes deliveries (they were
 * written in its transaction), a manual retry or a test event post `wake`; the worker claims,
 * signs, sends and records on its own connection and event loop, so the Dial queue's loop pays a
 * postMessage per change instead of the HMACs, POSTs and delivery-log writes.
 *
 * The thread starts on the first work: a server whose organizations have no endpoints and whose
 * calls have no `webhookUrl` never pays for a second V8 isolate. Until then the main thread looks
 * every `pollIntervalMs` for pending deliveries (a restart's leftovers, another process's
 * commits), one indexed read. A thread that dies is started again on the next work.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { CallStore } from '../ports/call-store';
import type { WebhookDeliveryStore } from '../ports/webhook-delivery-store';
import { workerEntry } from '../server/worker-entry';
import { BATCH_EVENT_CHANNEL } from '../store/batch-changes';
import { CALL_TRANSITION_CHANNEL, type CallTransitionMessage } from '../store/call-transitions';
import type { FromWebhookWorker, ToWebhookWorker, WebhookWorkerData } from './webhook-delivery-worker';

export interface WebhookDeliveryThreadDeps {
  /** The store whose committed status changes wake the worker. */
  calls: CallStore;
  /** The main thread's view of the delivery list: is anything pending before the worker runs? */
  deliveries: WebhookDeliveryStore;
  logger: Logger;
  /** Where the worker opens the database, and its dispatcher's options. */
  worker: WebhookWorkerData;
  /** Real milliseconds between looks for pending deliveries while no worker runs. Default 1000. */
  pollIntervalMs?: number;
}

export class WebhookDeliveryThread {
  readonly #deps: WebhookDeliveryThreadDeps;
  readonly #pollIntervalMs: number;
  #worker: Worker | undefined;
  #exited: Promise<void> | undefined;
  #running = false;
  #wakePosted = false;
  #timer: NodeJS.Timeout | undefined;
  readonly #onTransition = (message: unknown) => {
    // A status change or a batch event (BatchEventMessage): both name their store and deliveries.
    const { calls, webhookDeliveries } = message as Pick<
      CallTransitionMessage,
      'calls' | 'webhookDeliveries'
    >;
    if (calls === this.#deps.calls && webhookDeliveries > 0) this.wake();
  };

  constructor(deps: WebhookDeliveryThreadDeps) {
    this.#deps = deps;
    this.#pollIntervalMs = deps.pollIntervalMs ?? 1000;
  }

  start(): void {
    this.#running = true;
    subscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    subscribe(BATCH_EVENT_CHANNEL, this.#onTransition);
    void this.#lookForWork();
  }

  /** There are due deliveries: start the worker, or tell it. */
  wake(): void {
    if (!this.#running) return;
    if (!this.#worker) {
      this.#spawn();
      return;
    }
    // One message for all the changes of one synchronous stretch (a burst of commits).
    if (this.#wakePosted) return;
    this.#wakePosted = true;
    queueMicrotask(() => {
      this.#wakePosted = false;
      this.#post({ kind: 'wake' });
    });
  }

  /** Stops the worker once it has recorded the attempts in flight and closed its connection. */
  async stop(): Promise<void> {
    this.#running = false;
    unsubscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    unsubscribe(BATCH_EVENT_CHANNEL, this.#onTransition);
    clearTimeout(this.#timer);
    if (!this.#worker) return;
    this.#post({ kind: 'stop' });
    await this.#exited;
  }

  #post(message: ToWebhookWorker): void {
    this.#worker?.postMessage(message);
  }

  async #lookForWork(): Promise<void> {
    if (!this.#running || this.#worker) return;
    try {
      if ((await this.#deps.deliveries.nextDueAt()) !== undefined) return this.wake();
    } catch (error) {
      this.#deps.logger.warn({ err: error }, 'looking for pending webhook deliveries failed');
    }
    if (!this.#running || this.#worker) return;
    this.#timer = setTimeout(() => void this.#lookForWork(), this.#pollIntervalMs);
    this.#timer.unref();
  }

  #spawn(): void {
    clearTimeout(this.#timer);
    const { logger } = this.#deps;
    const entry = workerEntry('webhook-delivery-worker', import.meta.url);
    const worker = new Worker(entry.url, {
      ...entry.options,
      workerData: this.#deps.worker,
      name: 'outdial-webhooks',
    });
    this.#worker = worker;
    worker.on('message', (message: FromWebhookWorker) => {
      if (message.kind === 'log') relayLog(logger, message.record);
      else if (message.kind === 'failed') logger.error({ error: message.message }, 'webhook worker failed');
      else if (message.kind === 'stopped') void worker.terminate();
    });
    worker.on('error', (error) => logger.error({ err: error }, 'webhook worker crashed'));
    this.#exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (this.#worker === worker) this.#worker = undefined;
        if (this.#running) {
          logger.error({ code }, 'webhook worker exited; starting another on the next work');
          void this.#lookForWork();
        }
        resolve();
      }),
    );
  }
}

/** A record the worker's pino wrote, through the main thread's logger (which owns the output). */
function relayLog(logger: Logger, record: Record<string, unknown>): void {
  const { level, msg, time: _time, pid: _pid, hostname: _hostname, ...fields } = record;
  const label = logger.levels.labels[level as number] ?? 'info';
  (logger[label as 'info'] ?? logger.info).call(logger, fields, typeof msg === 'string' ? msg : '');
}

/**
 * @module
 * Where webhook deliveries are sent from. `worker`: a `worker_threads` thread with its own
 * database connection (webhook-delivery-worker.ts), so the event loop that paces the Dial queue
 * never signs, POSTs or records a delivery. `in-process`: the same dispatcher on the main event
 * loop.
 *
 * The default is `worker` on PostgreSQL only. On SQLite a second connection means a second writer
 * for the file's one write lock, and a SQLite writer that finds the lock taken sleeps
 * synchronously (1, 2, 5, 10 ms… its busy handler): measured on the pacing and event benchmarks,
 * the Dial queue's loop then lost more to those sleeps than it saved (BENCHMARKS.md), so SQLite
 * keeps one connection, in process. A thread can also follow neither `:memory:` (it cannot open
 * that database) nor an injected clock (tests move it through the retry schedule).
 */
import type { ServerStoresOptions } from '../server/open-server-stores';
import { WebhookDeliveryThread } from './webhook-delivery-thread';
import { WebhookDispatcher, type WebhookDispatcherDeps } from './webhook-dispatcher';

export type WebhookDispatchMode = 'worker' | 'in-process';

/** What the composition root starts, wakes (a retry, a test event) and stops. */
export interface WebhookDelivery {
  start(): void;
  wake(): void;
  /** Stops claiming, and waits for the attempts in flight to be recorded. */
  stop(): Promise<void>;
}

export interface WebhookDeliveryOptions extends WebhookDispatcherDeps {
  /** Default `worker` on PostgreSQL without an injected clock, else `in-process`. */
  mode: WebhookDispatchMode | undefined;
  /** How the server opened its database: the worker opens it again the same way. */
  database: Pick<
    ServerStoresOptions,
    'databaseUrl' | 'databasePoolSize' | 'dbPath' | 'databaseBusyTimeoutMs'
  >;
  /** The server was given a clock of its own (tests): the worker could not read it. */
  clockInjected: boolean;
}

export function createWebhookDelivery(options: WebhookDeliveryOptions): WebhookDelivery {
  const { mode, database, clockInjected, ...dispatcher } = options;
  const sharable =
    database.databaseUrl !== undefined || (database.dbPath !== undefined && database.dbPath !== ':memory:');
  if (mode === 'worker' && !sharable)
    throw new Error("webhookDispatch 'worker' needs a database file or URL: a thread cannot open ':memory:'");
  if (mode === 'worker' && clockInjected)
    throw new Error("webhookDispatch 'worker' runs on the system clock: it cannot read an injected clock");
  const chosen = mode ?? (database.databaseUrl !== undefined && !clockInjected ? 'worker' : 'in-process');
  if (chosen === 'in-process') return new WebhookDispatcher(dispatcher);
  return new WebhookDeliveryThread({
    calls: dispatcher.calls,
    deliveries: dispatcher.deliveries,
    logger: dispatcher.logger,
    ...(dispatcher.pollIntervalMs === undefined ? {} : { pollIntervalMs: dispatcher.pollIntervalMs }),
    worker: {
      stores: database,
      allowPrivate: dispatcher.allowPrivate,
      logLevel: dispatcher.logger.level,
      ...(dispatcher.concurrencyPerTarget === undefined
        ? {}
        : { concurrencyPerTarget: dispatcher.concurrencyPerTarget }),
      ...(dispatcher.pollIntervalMs === undefined ? {} : { pollIntervalMs: dispatcher.pollIntervalMs }),
    },
  });
}

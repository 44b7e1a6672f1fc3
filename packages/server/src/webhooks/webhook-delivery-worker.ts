/**
 * @module
 * The webhook dispatcher on a thread of its own (`worker_threads`), so signing, POSTing and
 * recording hundreds of deliveries a second never run on the event loop that paces the Dial queue.
 * It opens its own connection to the server's database (the deliveries are claimed with a lease,
 * so it needs no lock shared with the main thread), and runs the same {@link WebhookDispatcher}
 * as the in-process mode, on the system clock. The main thread ({@link WebhookDeliveryThread})
 * wakes it with `{ kind: 'wake' }` and stops it with `{ kind: 'stop' }`; it answers
 * `{ kind: 'stopped' }` once the attempts in flight are recorded and its connection is closed, and
 * sends its log records up as `{ kind: 'log', record }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { wallClock } from '../ports/clock';
import { openServerStores, type ServerStoresOptions } from '../server/open-server-stores';
import { OrganizationWebhookSecrets } from './organization-webhook-secrets';
import { WebhookDispatcher } from './webhook-dispatcher';

/** What the main thread hands the worker: where the database is, and the dispatcher's options. */
export interface WebhookWorkerData {
  stores: Pick<ServerStoresOptions, 'databaseUrl' | 'databasePoolSize' | 'dbPath' | 'databaseBusyTimeoutMs'>;
  allowPrivate: boolean;
  concurrencyPerTarget?: number;
  pollIntervalMs?: number;
  logLevel: string;
}

/** Main thread → worker. */
export type ToWebhookWorker = { kind: 'wake' } | { kind: 'stop' };
/** Worker → main thread. */
export type FromWebhookWorker =
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string }
  | { kind: 'log'; record: Record<string, unknown> };

const port = parentPort;
if (!port) throw new Error('webhook-delivery-worker.ts runs as a worker thread only');
const data = workerData as WebhookWorkerData;
const post = (message: FromWebhookWorker) => port.postMessage(message);

// pino writes JSON lines; each goes up to the main thread's logger, which owns the output.
const logger = pino(
  { level: data.logLevel, base: { component: 'webhooks' } },
  { write: (line: string) => post({ kind: 'log', record: JSON.parse(line) as Record<string, unknown> }) },
);

let dispatcher: WebhookDispatcher | undefined;
let stopRequested = false;
port.on('message', (message: ToWebhookWorker) => {
  // Before the dispatcher starts, a wake needs nothing: starting looks for due deliveries anyway.
  if (message.kind === 'wake') dispatcher?.wake();
  else if (message.kind === 'stop') {
    stopRequested = true;
    void stop();
  }
});

let closeStores: (() => Promise<void>) | undefined;
let stopping: Promise<void> | undefined;
function stop(): Promise<void> {
  if (!dispatcher) return Promise.resolve(); // Still opening: stops once open.
  stopping ??= (async () => {
    await dispatcher?.stop();
    await closeStores?.();
    post({ kind: 'stopped' });
    port?.close();
  })();
  return stopping;
}

try {
  // The main thread migrated the schema before starting this thread.
  // The main thread's stores checkpoint the WAL; this connection's own (inline) run off that loop.
  const stores = await openServerStores({ ...data.stores, migrate: false, walCheckpoints: 'inline' });
  closeStores = () => stores.close();
  dispatcher = new WebhookDispatcher({
    calls: stores.calls,
    events: stores.events,
    endpoints: stores.webhookEndpoints,
    deliveries: stores.webhookDeliveries,
    organizationSecrets: new OrganizationWebhookSecrets({ secrets: stores.webhookSecrets, clock: wallClock }),
    clock: wallClock,
    logger,
    allowPrivate: data.allowPrivate,
    ...(data.concurrencyPerTarget === undefined ? {} : { concurrencyPerTarget: data.concurrencyPerTarget }),
    ...(data.pollIntervalMs === undefined ? {} : { pollIntervalMs: data.pollIntervalMs }),
  });
  // Looks for due deliveries at once: what woke this thread, and what was pending before.
  dispatcher.start();
  if (stopRequested) await stop();
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  await closeStores?.().catch(() => undefined);
  port.close();
}

/**
 * @module
 * Wake-ups across replicas through PostgreSQL's LISTEN/NOTIFY, so a replica hears of another's
 * writes within milliseconds instead of polling for them.
 *
 * A writer sends `pg_notify(channel, payload)` inside the transaction that makes the change:
 * PostgreSQL delivers it only when that transaction commits (never for a rolled-back one), to
 * every session listening, the writer's own included. Notifications are wake-ups, not data: a
 * listener re-reads the database, so a duplicate costs a read and a notification lost while the
 * connection was down is made up for by `onReconnect`, after which everything must be re-read.
 */
import pg from 'pg';
import type { Logger } from 'pino';

export interface PostgresNotificationsOptions {
  url: string;
  /** The channel: any text; scope it to the schema the replicas share. */
  channel: string;
  /** Milliseconds between reconnection attempts after the connection is lost. Default 500. */
  retryMs?: number;
  /** Called after a reconnection: notifications sent meanwhile were missed. */
  onReconnect?: () => void;
  logger?: Pick<Logger, 'warn'>;
}

type Listener = (payload: string) => void;

export class PostgresNotifications {
  readonly #options: PostgresNotificationsOptions & { retryMs: number };
  readonly #listeners = new Set<Listener>();
  #client: pg.Client | undefined;
  #running = false;
  #retry: NodeJS.Timeout | undefined;
  #connectedOnce = false;

  constructor(options: PostgresNotificationsOptions) {
    this.#options = { retryMs: 500, ...options };
  }

  /** Connects and listens; resolves once notifications are being received. */
  async start(): Promise<void> {
    this.#running = true;
    await this.#connect();
  }

  /** @returns a function that removes the listener */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Sends every payload on the channel in one round trip, in order, on the listening connection
   * (each its own notification, under PostgreSQL's 8000-byte limit). Rejects while disconnected.
   */
  async notify(payloads: readonly string[]): Promise<void> {
    const client = this.#client;
    if (!client) throw new Error('the notification connection is down');
    await client.query('select pg_notify($1, payload) from unnest($2::text[]) as payload', [
      this.#options.channel,
      payloads,
    ]);
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#options.url, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel !== this.#options.channel) return;
      for (const listener of [...this.#listeners]) listener(message.payload ?? '');
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('connection ended')));
    await client.connect();
    await client.query(`listen ${quoteIdentifier(this.#options.channel)}`);
    if (!this.#running) {
      await client.end();
      return;
    }
    this.#client = client;
    if (this.#connectedOnce) this.#options.onReconnect?.();
    this.#connectedOnce = true;
  }

  #lost(client: pg.Client, error: Error): void {
    if (client !== this.#client) return;
    this.#client = undefined;
    client.removeAllListeners('end');
    client.on('error', () => {});
    void client.end().catch(() => undefined);
    this.#options.logger?.warn({ err: error }, 'lost the LISTEN connection; reconnecting');
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (!this.#running) return;
    this.#retry = setTimeout(() => {
      this.#connect().catch(() => this.#scheduleReconnect());
    }, this.#options.retryMs);
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

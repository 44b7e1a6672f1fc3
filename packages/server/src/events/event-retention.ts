/**
 * @module
 * Retention: call events older than the retention period (OUTDIAL_EVENT_RETENTION_DAYS, 30 days
 * by default) are deleted, at start-up and then periodically. Age is read from the clock port,
 * so a test moves time forward instead of waiting for it.
 */
import type { Logger } from 'pino';
import type { Clock } from '../ports/clock';
import type { EventStore } from '../ports/event-store';

export const DEFAULT_EVENT_RETENTION_DAYS = 30;
/** Events are kept for days; looking for expired ones hourly keeps at most an hour extra. */
export const DEFAULT_EVENT_PURGE_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface EventRetentionDeps {
  events: Pick<EventStore, 'purgeBefore'>;
  clock: Clock;
  /** Default {@link DEFAULT_EVENT_RETENTION_DAYS}. */
  retentionDays?: number;
  /** Default {@link DEFAULT_EVENT_PURGE_INTERVAL_MS}. */
  purgeIntervalMs?: number;
  logger: Logger;
}

export class EventRetention {
  readonly #deps: EventRetentionDeps;
  #timer: NodeJS.Timeout | undefined;
  #purging: Promise<unknown> = Promise.resolve();

  constructor(deps: EventRetentionDeps) {
    this.#deps = deps;
  }

  /** Deletes the events older than the retention period. @returns how many call events went */
  purgeExpired(): Promise<number> {
    const days = this.#deps.retentionDays ?? DEFAULT_EVENT_RETENTION_DAYS;
    return this.#deps.events.purgeBefore(new Date(this.#deps.clock.now().getTime() - days * DAY_MS));
  }

  /** Purges now, then every interval (the timer does not keep the process alive). */
  start(): void {
    let purging = false;
    const purge = () => {
      // A purge slower than the interval is not joined by a second one.
      if (purging) return;
      purging = true;
      this.#purging = this.purgeExpired()
        .then(
          (purged) => {
            if (purged > 0) this.#deps.logger.info({ purged }, 'purged expired call events');
          },
          (error: unknown) => this.#deps.logger.error({ err: error }, 'purging expired call events failed'),
        )
        .finally(() => {
          purging = false;
        });
    };
    purge();
    this.#timer = setInterval(purge, this.#deps.purgeIntervalMs ?? DEFAULT_EVENT_PURGE_INTERVAL_MS);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a purge in progress (the database closes next). */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#purging;
  }
}

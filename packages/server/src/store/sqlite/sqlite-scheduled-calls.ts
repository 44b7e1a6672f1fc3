import type { Kysely } from 'kysely';
import type { ScheduledCall, ScheduledCalls } from '../../ports/scheduled-calls';
import type { Database } from './sqlite-schema';

const COLUMNS = ['id', 'status', 'priority', 'seq', 'scheduled_at', 'latest_at', 'calling_window'] as const;

/**
 * Timestamps are canonical ISO text (`toISOString()`), so `<=` on the text compares the instants;
 * the `calls_due` and `calls_expiring` indexes (migration 0006) serve each look.
 */
export class SqliteScheduledCalls implements ScheduledCalls {
  constructor(private readonly db: Kysely<Database>) {}

  dueAt(now: Date, limit: number): Promise<ScheduledCall[]> {
    return this.db
      .selectFrom('calls')
      .select(COLUMNS)
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '<=', now.toISOString())
      .orderBy('priority')
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  expiredAt(now: Date, limit: number): Promise<ScheduledCall[]> {
    return this.db
      .selectFrom('calls')
      .select(COLUMNS)
      .where('status', 'in', ['scheduled', 'queued'])
      .where('latest_at', 'is not', null)
      .where('latest_at', '<=', now.toISOString())
      .orderBy('latest_at')
      .limit(limit)
      .execute();
  }

  async nextDueAt(): Promise<Date | undefined> {
    // Two reads of one index range each (the first row), rather than one query the planner
    // would answer by scanning.
    const due = await this.db
      .selectFrom('calls')
      .select((eb) => eb.fn.min('scheduled_at').as('at'))
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    const expiring = await this.db
      .selectFrom('calls')
      .select((eb) => eb.fn.min('latest_at').as('at'))
      .where('status', 'in', ['scheduled', 'queued'])
      // Past the nulls (most queued calls have no latest time) in the index range at once.
      .where('latest_at', 'is not', null)
      .executeTakeFirst();
    const instants = [due?.at, expiring?.at]
      .filter((at): at is string => typeof at === 'string')
      .map((at) => Date.parse(at));
    return instants.length === 0 ? undefined : new Date(Math.min(...instants));
  }

  async postpone(callId: string, until: Date, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('calls')
      .set({ scheduled_at: until.toISOString(), updated_at: at.toISOString() })
      .where('id', '=', callId)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initialSchema from './0001-initial-schema';
import * as callCancellation from './0002-call-cancellation';
import * as healthProbe from './0003-health-probe';
import * as callEventFeed from './0004-call-event-feed';
import * as webhooks from './0005-webhooks';
import * as scheduledCalls from './0006-scheduled-calls';
import * as batches from './0007-batches';
import * as dialTurns from './0008-dial-turns';
import * as batchEvents from './0009-batch-events';
import * as trunkBudgets from './0010-trunk-budgets';

/**
 * Migrations are compiled into the bundle (not read from a folder at run time), so the server
 * runs the same from source, from dist and from an npm install.
 */
export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '0001-initial-schema': initialSchema,
      '0002-call-cancellation': callCancellation,
      '0003-health-probe': healthProbe,
      '0004-call-event-feed': callEventFeed,
      '0005-webhooks': webhooks,
      '0006-scheduled-calls': scheduledCalls,
      '0007-batches': batches,
      '0008-dial-turns': dialTurns,
      '0009-batch-events': batchEvents,
      '0010-trunk-budgets': trunkBudgets,
    };
  },
};

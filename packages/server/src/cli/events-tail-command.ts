/**
 * @module
 * `outdial events tail`: an organization's events as they are committed, read from the database
 * directly like the provisioning commands. The server that writes them is usually another
 * process, whose commits wake nothing here, so the feed is woken on a short interval instead;
 * EventFeed reads strictly after the last event it printed, so a wake early, late or twice
 * neither loses an event nor repeats one.
 */
import { openApiDocument } from '@outdial/contract';
import type { EventResource, EventType } from '../events/event-resource';
import { EventService } from '../events/event-service';
import type { OrganizationRow, OrganizationStore } from '../ports/organization-store';
import { dbOption, withDatabase } from './admin-commands';
import { type CliCommand, UsageError } from './cli-command';

/** How often the store is read again: the most a line lags behind its commit. */
const POLL_INTERVAL_MS = 200;

/** The spec's EventType enum, so `--type` takes exactly what `GET /api/v1/events?type=` does. */
const EVENT_TYPES: readonly string[] = openApiDocument.components.schemas.EventType.enum;

export const eventsTailCommand: CliCommand = {
  path: ['events', 'tail'],
  usage:
    'events tail [--org <name|id>] [--type <event type> ...] [--json] [--db <path> | --database-url <url>]',
  summary:
    "Prints an organization's events live. One line each (time, type, call id, phone number, and why a " +
    'call failed or how it was cancelled), from now until Ctrl-C; --org is needed when there is more ' +
    'than one organization.',
  options: {
    org: { type: 'string', description: 'The organization, by name or id (required unless only one exists)' },
    type: {
      type: 'string',
      multiple: true,
      description: `Only this event type; repeat for several (${EVENT_TYPES.join(', ')})`,
    },
    json: { type: 'boolean', description: 'One JSON Event per line, as GET /api/v1/events returns them' },
    ...dbOption,
  },
  async run(values) {
    const types = (values.type as string[] | undefined) ?? [];
    const unknown = types.find((type) => !EVENT_TYPES.includes(type));
    if (unknown !== undefined)
      throw new UsageError(`--type must be one of ${EVENT_TYPES.join(', ')}, got "${unknown}"`);
    const format = values.json === true ? (event: EventResource) => JSON.stringify(event) : eventLine;

    await withDatabase(values, async (stores) => {
      const organization = await pickOrganization(stores.organizations, values.org as string | undefined);
      let failure: unknown;
      const events = new EventService({
        calls: stores.calls,
        events: stores.events,
        hub: {
          watch(_scope, wake) {
            const timer = setInterval(wake, POLL_INTERVAL_MS);
            return () => clearInterval(timer);
          },
        },
        onFeedError: (error) => {
          failure = error;
        },
      });
      const feed = await events.organizationFeed(
        organization.id,
        types.length > 0 ? { types: types as EventType[] } : {},
        undefined,
      );
      // On stderr, so that stdout is only events (--json pipes into jq). Every event committed
      // from here on is printed: the feed's starting point is fixed.
      console.error(`Tailing the events of "${organization.name}" (${organization.id}); Ctrl-C stops.`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          process.stdout.off('error', stop);
          feed.stop();
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        // A closed pipe (`outdial events tail | head`) ends the tail instead of crashing it.
        process.stdout.once('error', stop);
        feed.start({
          send: (event) => process.stdout.write(`${format(event)}\n`),
          // Only a failed read ends an organization's feed; it has set `failure` by the time
          // this promise's continuation runs (EventFeed calls onError right after end).
          end: stop,
        });
      });
      if (failure !== undefined) throw failure;
    });
    return 0;
  },
};

/** By id or name; with no `--org`, the only organization there is. */
async function pickOrganization(
  organizations: OrganizationStore,
  idOrName: string | undefined,
): Promise<OrganizationRow> {
  if (idOrName !== undefined) {
    const organization =
      (await organizations.findById(idOrName)) ?? (await organizations.findByName(idOrName));
    if (!organization) throw new Error(`No organization with id or name "${idOrName}"`);
    return organization;
  }
  const all = await organizations.list();
  const [only] = all;
  if (only && all.length === 1) return only;
  if (all.length === 0)
    throw new Error('No organizations yet: create one with `outdial orgs create <name>`.');
  throw new UsageError(
    `--org is required: there are ${all.length} organizations (\`outdial orgs list\` shows them)`,
  );
}

/**
 * `<timestamp>  <type>  <call id>  <phone number>[  <failure reason or cancellation>]`, or for a
 * batch event `<timestamp>  <type>  <batch id>  <name>  <completed>/<total> completed`.
 */
function eventLine(event: EventResource): string {
  if (event.type.startsWith('batch.')) {
    const { timestamp, type, data } = event as Extract<EventResource, { data: { counters: unknown } }>;
    const progress = `${data.counters.completed}/${data.counters.total} completed`;
    return [timestamp, type.padEnd(15), data.id, data.name, progress].join('  ');
  }
  const { timestamp, type, data } = event as Exclude<EventResource, { data: { counters: unknown } }>;
  const why =
    data.failureReason ?? (data.cancellation === null ? undefined : `cancellation: ${data.cancellation}`);
  return [timestamp, type.padEnd(15), data.id, data.phoneNumber, ...(why === undefined ? [] : [why])].join(
    '  ',
  );
}

import { loadEnvConfig } from '../config/env-config';
import { type CliCommand, UsageError } from './cli-command';
import { demoBanner, demoFilePath, ensureDemoData } from './demo-setup';
import { isLoopbackHost } from './loopback-host';

/** What the server does without LiveKit (see createOutboundCall and /readyz): said at start-up. */
const LIVEKIT_NOT_CONFIGURED_WARNING =
  'LiveKit is not configured (set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or pass ' +
  '--emulate-livekit to use the built-in emulator): POST /api/v1/calls/outbound answers 500 ' +
  'livekit_not_configured, so no call is queued or dialed, and /readyz answers 503 with livekit "not_configured".';

export const serveCommand: CliCommand = {
  path: ['serve'],
  usage:
    'serve [--port <port>] [--host <host>] [--db <path> | --database-url <url>] ' +
    '[--emulate-livekit [--allow-public-emulator]]',
  summary:
    'Runs the Calls API and the Dial queue. Configuration comes from the environment (PORT, HOST, ' +
    'OUTDIAL_DB_PATH, OUTDIAL_DATABASE_URL, OUTDIAL_DATABASE_POOL_SIZE, LIVEKIT_*, DIAL_CPS, ' +
    'DIAL_MAX_IN_FLIGHT, DIAL_GUARD_BAND_MS, OUTDIAL_RATE_LIMIT, OUTDIAL_CORS_ORIGINS, OUTDIAL_METRICS, ' +
    'OUTDIAL_METRICS_PORT, OUTDIAL_EVENT_RETENTION_DAYS, OUTDIAL_WEBHOOK_ALLOW_PRIVATE, LOG_LEVEL); ' +
    'flags win over it.',
  options: {
    port: { type: 'string', description: 'Port to listen on (default $PORT or 3000; 0 picks one)' },
    host: { type: 'string', description: 'Interface to bind (default $HOST or 127.0.0.1)' },
    db: { type: 'string', description: 'SQLite file (default $OUTDIAL_DB_PATH or ./.outdial/outdial.db)' },
    'database-url': {
      type: 'string',
      description: 'PostgreSQL instead of the SQLite file (default $OUTDIAL_DATABASE_URL)',
    },
    'emulate-livekit': {
      type: 'boolean',
      description: 'Run the LiveKit emulator in-process and create demo data (no real calls)',
    },
    'allow-public-emulator': {
      type: 'boolean',
      description: 'Allow --emulate-livekit on a host other than localhost, 127.0.0.0/8 or ::1',
    },
  },
  async run(values) {
    const config = loadEnvConfig();
    const port = values.port === undefined ? config.port : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError('--port must be 0 to 65535');
    const host = (values.host as string | undefined) ?? config.host;
    const dbPath = (values.db as string | undefined) ?? config.dbPath;
    const databaseUrl = (values['database-url'] as string | undefined) ?? config.databaseUrl ?? undefined;
    const emulate = values['emulate-livekit'] === true;
    // The emulator accepts any dial and the demo key is printed (and kept in demo.json): on an
    // open interface, anyone who reaches the port could use both.
    if (emulate && !isLoopbackHost(host) && values['allow-public-emulator'] !== true) {
      throw new UsageError(
        `--emulate-livekit only binds to localhost, 127.0.0.0/8 or ::1 (got host "${host}"): the emulator ` +
          'is a fake telephony backend and the demo API key is printed, so anyone who can reach the ' +
          'port could use both. Pass --allow-public-emulator to bind it there anyway.',
      );
    }
    // Imported here, not above: the HTTP stack and the LiveKit SDK would slow every other command.
    const { startServer } = await import('../server/start-server');
    // Signal handlers go in first: a SIGTERM during start-up still shuts down gracefully.
    const starting = startServer({
      port,
      host,
      ...(databaseUrl === undefined
        ? { dbPath }
        : { databaseUrl, databasePoolSize: config.databasePoolSize }),
      livekit: emulate ? 'emulate' : config.livekit,
      dialCps: config.dialCps,
      dialMaxInFlight: config.dialMaxInFlight,
      dialGuardBandMs: config.dialGuardBandMs,
      rateLimit:
        config.rateLimitPerMinute > 0 ? { windowMs: 60_000, limit: config.rateLimitPerMinute } : false,
      ...(config.redisUrl === null ? {} : { redisUrl: config.redisUrl }),
      corsOrigins: config.corsOrigins,
      metrics: config.metrics,
      ...(config.metricsPort === null ? {} : { metricsPort: config.metricsPort }),
      logLevel: config.logLevel,
      eventRetentionDays: config.eventRetentionDays,
      ...(config.defaultCallingWindow ? { defaultCallingWindow: config.defaultCallingWindow } : {}),
      ...(config.maxConcurrentCalls === null ? {} : { maxConcurrentCalls: config.maxConcurrentCalls }),
      apiKeyCacheMs: config.apiKeyCacheSeconds * 1000,
      // The demo's receivers are local; anywhere else private addresses need the operator's word.
      webhookAllowPrivate: config.webhookAllowPrivate || emulate,
      ...(config.webhookDispatch === null ? {} : { webhookDispatch: config.webhookDispatch }),
    });
    let signals = 0;
    const shutDown = (signal: NodeJS.Signals) => {
      signals += 1;
      if (signals > 1) process.exit(1);
      console.error(`${signal}: shutting down (in-flight dials settle; queued calls stay queued)…`);
      starting
        .then((server) => server.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
    };
    process.on('SIGTERM', shutDown);
    process.on('SIGINT', shutDown);

    const server = await starting;
    if (emulate) {
      const file = databaseUrl === undefined ? demoFilePath(dbPath) : undefined;
      console.log(demoBanner(server.url, await ensureDemoData(server, file), file));
    } else if (!config.livekit) {
      console.warn(LIVEKIT_NOT_CONFIGURED_WARNING);
    }
    return undefined;
  },
};

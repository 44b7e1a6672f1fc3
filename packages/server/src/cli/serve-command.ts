import { loadEnvConfig } from '../config/env-config';
import { startServer } from '../server/start-server';
import { type CliCommand, UsageError } from './cli-command';
import { demoBanner, demoFilePath, ensureDemoData } from './demo-setup';

export const serveCommand: CliCommand = {
  path: ['serve'],
  usage: 'serve [--port <port>] [--host <host>] [--db <path>] [--emulate-livekit]',
  summary:
    'Runs the Calls API and the Dial queue. Configuration comes from the environment (PORT, OUTDIAL_DB_PATH, ' +
    'LIVEKIT_*, DIAL_CPS, DIAL_MAX_IN_FLIGHT, DIAL_GUARD_BAND_MS, OUTDIAL_RATE_LIMIT, LOG_LEVEL); flags win over it.',
  options: {
    port: { type: 'string', description: 'Port to listen on (default $PORT or 3000; 0 picks one)' },
    host: { type: 'string', description: 'Interface to bind (default $HOST or 127.0.0.1)' },
    db: { type: 'string', description: 'SQLite file (default $OUTDIAL_DB_PATH or ./.outdial/outdial.db)' },
    'emulate-livekit': {
      type: 'boolean',
      description: 'Run the LiveKit emulator in-process and create demo data (no real calls)',
    },
  },
  async run(values) {
    const config = loadEnvConfig();
    const port = values.port === undefined ? config.port : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError('--port must be 0 to 65535');
    const dbPath = (values.db as string | undefined) ?? config.dbPath;
    const emulate = values['emulate-livekit'] === true;
    // Signal handlers go in first: a SIGTERM during start-up still shuts down gracefully.
    const starting = startServer({
      port,
      host: (values.host as string | undefined) ?? config.host,
      dbPath,
      livekit: emulate ? 'emulate' : config.livekit,
      dialCps: config.dialCps,
      dialMaxInFlight: config.dialMaxInFlight,
      dialGuardBandMs: config.dialGuardBandMs,
      rateLimit:
        config.rateLimitPerMinute > 0 ? { windowMs: 60_000, limit: config.rateLimitPerMinute } : false,
      logLevel: config.logLevel,
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
      const file = demoFilePath(dbPath);
      console.log(demoBanner(server.url, await ensureDemoData(server, file), file));
    } else if (!config.livekit) {
      console.warn(
        'LiveKit is not configured (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET): calls will be refused.',
      );
    }
    return undefined;
  },
};

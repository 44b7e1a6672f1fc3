/**
 * @module
 * Parses the `livekit-emulator` command line into emulator options.
 */
import { parseArgs } from 'node:util';
import { describeOutcomes } from '@outdial/contract';
import {
  DEFAULT_API_KEY,
  DEFAULT_API_SECRET,
  DEFAULT_RECORD_LIMIT,
  DEFAULT_TIMINGS,
  type LiveKitEmulatorOptions,
} from './emulator-options';

/** What the command line asks for: help, or an emulator to start. */
export type CliCommand = { kind: 'help'; text: string } | { kind: 'start'; options: LiveKitEmulatorOptions };

/** livekit-server's default port, so SDK examples work unchanged. */
export const DEFAULT_CLI_PORT = 7880;

export const HELP = `livekit-emulator: a stand-in for LiveKit's server API, for tests and demos.
It is NOT telephony: no call is placed and no phone rings; calls are simulated
from the destination number.

Usage: livekit-emulator [options]

Options:
  --port <n>              port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --host <addr>           interface to bind (default 127.0.0.1)
  --api-key <key>         API key (default ${DEFAULT_API_KEY})
  --api-secret <secret>   API secret (default ${DEFAULT_API_SECRET})
  --webhook-url <url>     where to POST webhooks (default: none)
  --ring-ms <ms>          ringing before answer (default ${DEFAULT_TIMINGS.ringMs})
  --talk-ms <ms>          talk time before the callee hangs up (default ${DEFAULT_TIMINGS.talkMs})
  --early-hangup-ms <ms>  talk time of the early-hangup number (default ${DEFAULT_TIMINGS.earlyHangupMs})
  --no-answer-ms <ms>     ringing of the no-answer number (default: the request's ringingTimeout)
  --fail-ms <ms>          time to a busy or trunk-failure response (default ${DEFAULT_TIMINGS.failMs})
  --record-limit <n>      request and webhook records kept, each (default ${DEFAULT_RECORD_LIMIT})
  --quiet                 do not log events
  -h, --help              show this help

Outcomes by destination number:
${describeOutcomes()}
`;

function milliseconds(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`--${name} must be a number of milliseconds, got "${value}"`);
  return n;
}

/**
 * Parses `argv` (without node and the script). Throws on unknown options or bad values.
 *
 * @example
 * ```ts
 * parseCliArgs(['--port', '7881', '--ring-ms', '50']);
 * // { kind: 'start', options: { port: 7881, timings: { ringMs: 50 }, … } }
 * ```
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      'api-secret': { type: 'string' },
      'webhook-url': { type: 'string' },
      'ring-ms': { type: 'string' },
      'talk-ms': { type: 'string' },
      'early-hangup-ms': { type: 'string' },
      'no-answer-ms': { type: 'string' },
      'fail-ms': { type: 'string' },
      'record-limit': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help', text: HELP };
  const port = values.port === undefined ? DEFAULT_CLI_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got "${values.port}"`);
  const timings = Object.fromEntries(
    Object.entries({
      ringMs: milliseconds('ring-ms', values['ring-ms']),
      talkMs: milliseconds('talk-ms', values['talk-ms']),
      earlyHangupMs: milliseconds('early-hangup-ms', values['early-hangup-ms']),
      noAnswerMs: milliseconds('no-answer-ms', values['no-answer-ms']),
      failMs: milliseconds('fail-ms', values['fail-ms']),
    }).filter(([, value]) => value !== undefined),
  );
  const recordLimit = values['record-limit'] === undefined ? undefined : Number(values['record-limit']);
  if (recordLimit !== undefined && !(Number.isInteger(recordLimit) && recordLimit >= 0))
    throw new Error(`--record-limit must be a whole number ≥ 0, got "${values['record-limit']}"`);
  return {
    kind: 'start',
    options: {
      port,
      host: values.host ?? '127.0.0.1',
      apiKey: values['api-key'] ?? DEFAULT_API_KEY,
      apiSecret: values['api-secret'] ?? DEFAULT_API_SECRET,
      ...(values['webhook-url'] ? { webhookUrl: values['webhook-url'] } : {}),
      timings,
      ...(recordLimit === undefined ? {} : { recordLimit }),
      ...(values.quiet ? {} : { log: (line: string) => console.log(`${new Date().toISOString()} ${line}`) }),
    },
  };
}

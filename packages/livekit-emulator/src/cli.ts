#!/usr/bin/env node
/**
 * @module
 * `livekit-emulator`: runs the emulator until interrupted.
 */
import { parseCliArgs } from './cli-args';
import { startLiveKitEmulator } from './livekit-emulator';

async function main(): Promise<void> {
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`livekit-emulator: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Run livekit-emulator --help for usage.');
    process.exitCode = 2;
    return;
  }
  if (command.kind === 'help') {
    console.log(command.text);
    return;
  }
  const emulator = await startLiveKitEmulator(command.options);
  // Say loudly what this is, so nobody mistakes simulated calls for real ones.
  console.log(
    [
      '',
      '  LiveKit EMULATOR: not telephony. No call is placed and no phone rings.',
      `  URL         ${emulator.url}`,
      `  API key     ${emulator.apiKey}`,
      `  API secret  ${emulator.apiSecret}`,
      `  Webhooks    ${command.options.webhookUrl ?? '(none)'}`,
      '  Busy +15005550001 · no answer +15005550002 · trunk failure +15005550003 · early hangup +15005550004',
      '',
    ].join('\n'),
  );
  const shutdown = () => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main();

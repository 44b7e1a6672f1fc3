// The LiveKit emulator in its own process: dial starts are timestamped on arrival with this
// process's monotonic clock, as a carrier would see them, undisturbed by the server's work.
import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import { serveIpc } from './child-process-ipc';

let emulator: LiveKitEmulator | undefined;

serveIpc({
  ready: () => true,
  async start(args: { apiKey: string; apiSecret: string; talkMs?: number; ringMs?: number }) {
    emulator = await startLiveKitEmulator({
      port: 0,
      apiKey: args.apiKey,
      apiSecret: args.apiSecret,
      timings: { ringMs: args.ringMs ?? 5, talkMs: args.talkMs ?? 50, earlyHangupMs: 20, failMs: 5 },
      // Every request of the run: the scenarios count dial starts from them, and the default
      // (10,000 records, the last ~5,000 calls) silently dropped the oldest starts, which read as
      // calls never dialed (the http scenario's "have 4998").
      recordLimit: Number.POSITIVE_INFINITY,
    });
    return { url: emulator.url };
  },
  setWebhookUrl(url: string) {
    emulator?.setWebhookUrl(url);
    return true;
  },
  /** Arrival times of CreateSIPParticipant as absolute epoch ms (timeOrigin + performance.now). */
  dialStarts() {
    return (emulator?.requests ?? [])
      .filter((r) => r.method === 'CreateSIPParticipant')
      .map((r) => ({
        at: performance.timeOrigin + r.at,
        monotonic: r.at,
        identity: `${r.participantIdentity ?? ''} ${r.room ?? ''}`,
      }));
  },
  reset() {
    emulator?.reset();
    return true;
  },
  async stop() {
    await emulator?.stop();
    return true;
  },
});

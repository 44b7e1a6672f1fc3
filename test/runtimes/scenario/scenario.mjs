// The scenario every runtime runs, with the SDK build it loaded: plain JavaScript that Node, Bun
// and Deno run as it is, and that esbuild bundles (SDK inside) for workerd and the browser.
// It reports what it saw rather than asserting, so the test compares whole reports and a failure
// shows every difference at once.

/** The runtime's own name and version, as it reports them. */
export function runtimeVersion() {
  const g = globalThis;
  // Bun and Deno also set process.versions.node (their Node compatibility level): ask them first.
  if (g.Deno) return `deno ${g.Deno.version.deno}`;
  if (g.Bun) return `bun ${g.Bun.version}`;
  if (g.process?.versions?.node) return `node ${g.process.versions.node}`;
  return g.navigator?.userAgent ?? 'unknown';
}

// Polls fast: the server's emulator and the mock move calls in milliseconds.
const WAIT = { minDelayMs: 20, maxDelayMs: 100, timeoutMs: 20_000 };

/**
 * Places, waits for, cancels and lists calls, and provokes a 404. The server (or mock) must
 * dial one call at a time and leave `+15005550002` ringing, so a call placed behind it stays
 * queued until it is cancelled.
 *
 * @param sdk the module namespace of the build under test
 * @param options `clientOptions` for `new Outdial()` (empty where the environment has them) and
 *   the voice agent to call with
 */
export async function runScenario(sdk, { clientOptions = {}, agentId }) {
  const outdial = new sdk.Outdial(clientOptions);
  const report = { runtime: runtimeVersion(), sdkVersion: sdk.VERSION };

  const answered = await outdial.calls.create({ agentId, phoneNumber: '+14155552671' });
  const seen = [];
  const final = await outdial.calls.waitForTerminalStatus(answered.id, {
    ...WAIT,
    onStatusChange: (call) => seen.push(call.status),
  });
  report.waited = { created: answered.status, final: final.status, lastSeen: seen.at(-1) };

  // The blocker rings until it is cancelled, so the one dial slot stays taken.
  const blocker = await outdial.calls.create({ agentId, phoneNumber: '+15005550002' });
  await outdial.calls.waitForStatus(blocker.id, ['ringing'], WAIT);
  const queued = await outdial.calls.create({ agentId, phoneNumber: '+14155552672' });
  // Read through the list, not GET: the mock's `onPoll` mode moves a call on every GET.
  const queuedIds = (await outdial.calls.list({ status: ['queued'] }).firstPage()).data.map((c) => c.id);
  const cancelledQueued = await outdial.calls.cancel(queued.id);
  const cancelledRinging = await outdial.calls.cancel(blocker.id);
  report.cancelled = {
    queued: {
      before: queuedIds.includes(queued.id) ? 'queued' : 'not queued',
      after: cancelledQueued.status,
      cancellation: (await outdial.calls.get(queued.id)).cancellation,
    },
    ringing: {
      after: cancelledRinging.status,
      cancellation: (await outdial.calls.get(blocker.id)).cancellation,
    },
  };

  // One call per page: the iterator must follow the cursor across three pages.
  const listed = [];
  for await (const call of outdial.calls.list({ limit: 1 })) listed.push(call.id);
  const placed = [answered.id, blocker.id, queued.id];
  report.listed = {
    count: listed.length,
    allPlaced: placed.every((id) => listed.includes(id)),
    distinct: new Set(listed).size,
  };

  const error = await outdial.calls.get('call_does_not_exist').then(
    () => undefined,
    (thrown) => thrown,
  );
  report.notFound = {
    NotFoundError: error instanceof sdk.NotFoundError,
    ApiError: error instanceof sdk.ApiError,
    OutdialError: error instanceof sdk.OutdialError,
    RateLimitError: error instanceof sdk.RateLimitError,
    status: error?.status,
    type: error?.type,
    hasRequestId: typeof error?.requestId === 'string' && error.requestId.length > 0,
  };
  return report;
}

/**
 * @module
 * GET /api/v1/queue: the organization's view of the Dial queue, per SIP trunk, as the server
 * answers it: queued calls by priority, the trunk's budget (the mock's `dialCps`), the dials
 * (`call.connecting` events) of each of the last 60 seconds, and the process that dials.
 */
import type { components } from '@outdial/contract';
import { type OperationRequest, type OperationResult, organizationOf } from './operation-context';

type TrunkQueue = components['schemas']['TrunkQueue'];

/** The trunk of agents that name none, as the server calls it when it has no default trunk. */
const DEFAULT_TRUNK = 'default';
/** What the mock reports as the dialing process: there is one, and it is the mock. */
const MOCK_LEADER = 'outdial-mock';
const SECONDS = 60;

/** @example getQueue(request).body; // { data: { at, trunks: [{ trunkId: 'default', cps: 10, … }] } } */
export function getQueue(request: OperationRequest): OperationResult {
  const { state, events, now, dialCps } = request.runtime;
  const organizationId = organizationOf(request).id;
  const at = now();
  const firstSecond = Math.floor(at.getTime() / 1000) - (SECONDS - 1);
  const trunks = new Map<string, TrunkQueue>();
  const trunk = (trunkId: string): TrunkQueue => {
    let entry = trunks.get(trunkId);
    if (!entry) {
      entry = {
        trunkId,
        cps: dialCps,
        queued: 0,
        queuedByPriority: new Array<number>(11).fill(0),
        dialsLastMinute: new Array<number>(SECONDS).fill(0),
        leader: MOCK_LEADER,
      };
      trunks.set(trunkId, entry);
    }
    return entry;
  };
  const trunkOf = (agentId: string) => trunk(state.agents.get(agentId)?.agent.sipTrunkId ?? DEFAULT_TRUNK);
  // Always listed, like the server's default trunk, so an idle queue still shows its budget.
  trunk(DEFAULT_TRUNK);
  for (const { call, organizationId: owner } of state.calls.values()) {
    if (owner !== organizationId || call.status !== 'queued') continue;
    const entry = trunkOf(call.agentId);
    entry.queued += 1;
    entry.queuedByPriority[call.priority] = (entry.queuedByPriority[call.priority] ?? 0) + 1;
  }
  for (const { event, organizationId: owner } of events.all()) {
    if (owner !== organizationId || event.type !== 'call.connecting') continue;
    const second = Math.floor(Date.parse(event.timestamp) / 1000) - firstSecond;
    if (second < 0 || second >= SECONDS) continue;
    const entry = trunkOf(event.data.agentId);
    entry.dialsLastMinute[second] = (entry.dialsLastMinute[second] ?? 0) + 1;
  }
  const sorted = [...trunks.values()].sort((a, b) =>
    a.trunkId < b.trunkId ? -1 : a.trunkId > b.trunkId ? 1 : 0,
  );
  return { status: 200, body: { data: { at: at.toISOString(), trunks: sorted } } };
}

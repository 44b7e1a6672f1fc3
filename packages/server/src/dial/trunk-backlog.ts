/**
 * @module
 * One SIP trunk's view of the Dial backlog: its queued and live calls only, every other read
 * passed through. Each trunk's Dial queue reads through one, so a trunk's window, its
 * reconciliation at start and its keys never hold another trunk's calls.
 */
import type { CallRow } from '../ports/call-store';
import type {
  AgentDialSettings,
  DialBacklog,
  DialCountRow,
  DialKey,
  DialOrder,
  QueueDepthRow,
  TrunkFilter,
} from '../ports/dial-backlog';

export class TrunkBacklog implements DialBacklog {
  constructor(
    private readonly backlog: DialBacklog,
    readonly trunk: TrunkFilter,
  ) {}

  async queuedAfter(after: DialOrder | undefined, limit: number): Promise<DialKey[]> {
    const keys = await this.backlog.queuedAfter(after, limit, this.trunk);
    for (const key of keys) key.trunkId = this.trunk.trunkId;
    return keys;
  }

  liveCalls(): Promise<{ id: string; organizationId: string; batchId: string | null }[]> {
    return this.backlog.liveCalls(this.trunk);
  }

  /** Whether a dial placed with the agent's `sipTrunkId` (null: the default trunk) goes out on this trunk. */
  carries(sipTrunkId: string | null): boolean {
    return sipTrunkId === null ? this.trunk.isDefault : sipTrunkId === this.trunk.trunkId;
  }

  queuedOrderAfter(after: DialOrder | undefined, limit: number): Promise<DialOrder[]> {
    return this.backlog.queuedOrderAfter(after, limit);
  }

  claim(callId: string): Promise<CallRow | undefined> {
    return this.backlog.claim(callId);
  }

  unclaim(callId: string, at: Date, source?: 'batch_paused' | 'trunk_changed'): Promise<CallRow | undefined> {
    return this.backlog.unclaim(callId, at, source);
  }

  agentTrunkIds(): Promise<string[]> {
    return this.backlog.agentTrunkIds();
  }

  agentDialSettings(agentId: string): Promise<AgentDialSettings | undefined> {
    return this.backlog.agentDialSettings(agentId);
  }

  recordLiveKitIds(callId: string, ids: { room_id: string } | { job_id: string }, at: Date): Promise<void> {
    return this.backlog.recordLiveKitIds(callId, ids, at);
  }

  depthByTrunk(): Promise<QueueDepthRow[]> {
    return this.backlog.depthByTrunk();
  }

  organizationDepthByTrunk(organizationId: string): Promise<QueueDepthRow[]> {
    return this.backlog.organizationDepthByTrunk(organizationId);
  }

  organizationDialsSince(organizationId: string, since: Date): Promise<DialCountRow[]> {
    return this.backlog.organizationDialsSince(organizationId, since);
  }
}

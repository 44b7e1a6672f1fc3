/**
 * @module
 * Everything the mock remembers, in memory: organizations, agents, calls, batches and idempotency records.
 */
import type { Organization, StoredAgent, StoredBatch, StoredCall } from './mock-types';
import { seedData } from './seed-data';

/** A createOutboundCall remembered under its Idempotency-Key. */
export type IdempotencyRecord = {
  /** The request in canonical JSON (`requestFingerprint`), to tell a replay from a reuse. */
  fingerprint: string;
  expiresAt: number;
  /** Undefined while the first request is still in flight. */
  response?: { status: number; body: unknown };
};

/**
 * The mock's in-memory store.
 *
 * @example
 * const state = new MockState({ primary: 'key', other: 'other-key' });
 * state.organizationByKey('key')?.id; // 'org_mock_primary'
 */
export class MockState {
  organizations: Organization[] = [];
  readonly agents = new Map<string, StoredAgent>();
  readonly calls = new Map<string, StoredCall>();
  readonly batches = new Map<string, StoredBatch>();
  /** Keyed by `<organizationId> <Idempotency-Key>`: keys are scoped to an organization. */
  readonly idempotency = new Map<string, IdempotencyRecord>();
  #sequence = 0;

  constructor(private readonly apiKeys: { primary: string; other: string }) {
    this.reset();
  }

  /** Drops every call, batch, agent and idempotency record and restores the seeded data. */
  reset(now = new Date().toISOString()): void {
    const seeded = seedData(now, this.apiKeys);
    this.organizations = seeded.organizations;
    this.agents.clear();
    for (const stored of seeded.agents) this.agents.set(stored.agent.id, stored);
    this.calls.clear();
    this.batches.clear();
    this.idempotency.clear();
    this.#sequence = 0;
  }

  organizationByKey(apiKey: string): Organization | undefined {
    return this.organizations.find((o) => o.apiKey === apiKey);
  }

  nextSequence(): number {
    this.#sequence += 1;
    return this.#sequence;
  }

  /**
   * 1-based position in the Dial queue: queued calls of every organization share one queue,
   * dialled by priority (0 first), then in arrival order.
   */
  queuePosition(stored: StoredCall): number | null {
    if (stored.call.status !== 'queued') return null;
    let ahead = 0;
    for (const other of this.calls.values()) {
      if (other === stored || other.call.status !== 'queued') continue;
      const first =
        other.call.priority < stored.call.priority ||
        (other.call.priority === stored.call.priority && other.sequence < stored.sequence);
      if (first) ahead += 1;
    }
    return ahead + 1;
  }
}

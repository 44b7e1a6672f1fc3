/**
 * @module
 * LiveKit webhooks: the SIP participant joining (ringing) and leaving, and rooms finishing
 * (the call ended). Every status write goes through the guarded transition table, so a late or
 * repeated webhook can never move a call back or out of a terminal status.
 */
import { type WebhookEvent, WebhookReceiver } from 'livekit-server-sdk';
import type { Logger } from 'pino';
import type { CallStore } from '../ports/call-store';
import { type Clock, wallClock } from '../ports/clock';
import { completeAnsweredCall } from './call-completion';
import { callIdFromRoomName, sipIdentityForCall } from './call-room';

/** The webhook's signature (JWT in the Authorization header) or body hash did not verify. */
export class WebhookVerificationError extends Error {
  override name = 'WebhookVerificationError';
}

export interface LiveKitWebhookHandlerDeps {
  calls: CallStore;
  logger: Logger;
  apiKey: string;
  apiSecret: string;
  /** Stamps ended_at and the call events. Default the system clock. */
  clock?: Clock;
}

/**
 * @example
 * ```ts
 * const webhooks = new LiveKitWebhookHandler({ calls, logger, apiKey, apiSecret });
 * app.post('/api/v1/livekit/webhook', express.text({ type: '*\/*' }), async (req, res) => {
 *   await webhooks.receive(req.body, req.get('authorization')); // WebhookVerificationError → 401
 *   res.sendStatus(200);
 * });
 * ```
 */
export class LiveKitWebhookHandler {
  readonly #calls: CallStore;
  readonly #log: Logger;
  readonly #receiver: WebhookReceiver;
  readonly #clock: Clock;

  constructor(deps: LiveKitWebhookHandlerDeps) {
    this.#calls = deps.calls;
    this.#log = deps.logger.child({ component: 'livekit-webhooks' });
    this.#receiver = new WebhookReceiver(deps.apiKey, deps.apiSecret);
    this.#clock = deps.clock ?? wallClock;
  }

  async receive(rawBody: string, authorization: string | undefined): Promise<void> {
    let event: WebhookEvent;
    try {
      event = await this.#receiver.receive(rawBody, authorization);
    } catch (error) {
      throw new WebhookVerificationError(
        `LiveKit webhook verification failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const roomName = event.room?.name;
    const callId = roomName ? callIdFromRoomName(roomName) : undefined;
    if (!callId) return; // Not one of our rooms.
    const details = { source: 'webhook', event: event.event, webhookId: event.id };

    switch (event.event) {
      case 'participant_joined': {
        if (!this.#isCallee(callId, event)) return;
        // Only from connecting: when the answer (dial result) came first, the call is already
        // active and this late event changes nothing.
        await this.#calls.transition(callId, 'ringing', {
          from: ['connecting'],
          patch: { sip_participant_id: event.participant?.sid || null },
          details,
          now: this.#clock.now(),
        });
        return;
      }
      case 'participant_left': {
        if (!this.#isCallee(callId, event)) return;
        // A call that was never answered ends through its dial result (busy, no answer…).
        await completeAnsweredCall(this.#calls, callId, details, this.#clock);
        return;
      }
      case 'room_finished':
        await completeAnsweredCall(this.#calls, callId, details, this.#clock);
        return;
      default:
        this.#log.debug({ callId, event: event.event }, 'webhook ignored');
    }
  }

  /** The callee is the SIP participant we created, known by its deterministic identity. */
  #isCallee(callId: string, event: WebhookEvent): boolean {
    return event.participant?.identity === sipIdentityForCall(callId);
  }
}

/** A LiveKit server to place calls through (LIVEKIT_URL, LIVEKIT_API_KEY, …). */
export interface LiveKitConnection {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The default outbound trunk, for agents without their own. */
  sipTrunkId?: string;
  /** The default agent worker to dispatch, for agents without their own. */
  agentName?: string;
}

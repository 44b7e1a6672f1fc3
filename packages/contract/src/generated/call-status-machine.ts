// Generated from openapi.yaml by `pnpm generate`. Do not edit.

/** `CallStatus`'s `enum`, in the spec's order. */
export const CALL_STATUS_ENUM = ["initiated", "scheduled", "queued", "connecting", "ringing", "active", "completed", "failed", "cancelled", "no_answer", "busy"] as const;

/** `CallStatus`'s `x-terminal`. */
export const CALL_STATUS_TERMINAL = ["completed", "failed", "cancelled", "no_answer", "busy"] as const;

/** `CallStatus`'s `x-cancellable`. */
export const CALL_STATUS_CANCELLABLE = ["initiated", "scheduled", "queued", "connecting", "ringing", "active"] as const;

/** `CallStatus`'s `x-transitions`: from → allowed to. */
export const CALL_STATUS_TRANSITIONS = {
  "initiated": ["scheduled", "queued", "failed", "cancelled"] as const,
  "scheduled": ["queued", "failed", "cancelled"] as const,
  "queued": ["scheduled", "connecting", "failed", "cancelled"] as const,
  "connecting": ["queued", "ringing", "active", "busy", "no_answer", "failed", "cancelled"] as const,
  "ringing": ["active", "busy", "no_answer", "failed", "cancelled"] as const,
  "active": ["completed", "failed", "cancelled"] as const,
  "completed": [] as const,
  "failed": [] as const,
  "cancelled": [] as const,
  "no_answer": [] as const,
  "busy": [] as const,
} as const;

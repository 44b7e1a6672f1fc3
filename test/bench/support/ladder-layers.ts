/**
 * The floor ladder's rungs below the real server (support/ladder-server.ts builds them), each with
 * every layer of those before it.
 */
export const LADDER_LAYERS = ['express', 'sqlite', 'validator', 'auth', 'middleware'] as const;
export type LadderLayer = (typeof LADDER_LAYERS)[number];

/** What each rung adds, for the table. */
export const LADDER_LAYER_NAMES: Record<LadderLayer, string> = {
  express: '(a) bare Express 5 + express.json, constant JSON',
  sqlite: '(b) + better-sqlite3 insert / select (the baseline)',
  validator: "(c) + express-openapi-validator (Outdial's validateAgainstOpenApi, body read after it)",
  auth: '(d) + API-key auth (ApiKeyService: SHA-256, 5 s verified-key cache, SQLite lookup)',
  middleware: '(e) + request id, pino info to a file, rate limit (express-rate-limit, memory store)',
};

/** Far above what 16 connections send in a few seconds: the limiter's cost, never a 429. */
export const UNREACHED_RATE_LIMIT = { windowMs: 60_000, limit: 1_000_000_000 };

/**
 * @module
 * The LiveKit emulator's magic-number outcome table, reused so the mock and the real server
 * (with the emulator) make the same number end the same way.
 *
 * Imported by relative path on purpose: the module is pure (no Node imports, no timers), tsup
 * bundles it into the mock, and the published mock therefore depends on no server package.
 * (The workspace maps `@outdial/livekit-emulator` to that package's `src/index.ts`, so a
 * subpath import would not resolve in tests.)
 */
export {
  type CallOutcome,
  type CallTiming,
  MAGIC_NUMBERS,
  outcomeForNumber,
} from '../../../livekit-emulator/src/outcomes';

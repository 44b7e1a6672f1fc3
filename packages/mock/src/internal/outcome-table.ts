/**
 * @module
 * The LiveKit emulator's magic-number outcome table, reused so the mock and the real server
 * (with the emulator) make the same number end the same way.
 *
 * The module is pure (no Node imports, no timers); tsup bundles it into the mock (`noExternal`),
 * so the published mock depends on no server package.
 */
export {
  type CallOutcome,
  type CallTiming,
  MAGIC_NUMBERS,
  outcomeForNumber,
} from '@outdial/livekit-emulator/outcomes';

/**
 * The server's public API names the emulator's types without importing them (the emulator is an
 * optional dependency): its mirrors in src/config/emulator-types.ts must stay the emulator's.
 * Checked by tsc (`pnpm --filter @outdial/server typecheck` includes test/); the run is a no-op.
 */
import type { EmulatorTimings as EmulatorsTimings, LiveKitEmulator } from '@outdial/livekit-emulator';
import { expectTypeOf, it } from 'vitest';
import type { EmulatedLiveKit, EmulatorTimings } from '../src/config/emulator-types';

it('mirrors the emulator’s timings exactly', () => {
  expectTypeOf<EmulatorTimings>().toEqualTypeOf<EmulatorsTimings>();
});

it('promises a slice of the emulator the server really hands out', () => {
  expectTypeOf<LiveKitEmulator>().toExtend<EmulatedLiveKit>();
});

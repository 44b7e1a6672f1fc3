import { expect, it } from 'vitest';
import { turnOffWasmLoopUnrolling } from './wasm-loop-unrolling';

it('turns loop unrolling off unless the process was started with its own flag', () => {
  expect(turnOffWasmLoopUnrolling(['--max-old-space-size=512'])).toBe(true);
  expect(turnOffWasmLoopUnrolling(['--wasm-loop-unrolling'])).toBe(false);
  expect(turnOffWasmLoopUnrolling(['--no-wasm-loop-unrolling'])).toBe(false);
  expect(turnOffWasmLoopUnrolling(['--no-wasm_loop_unrolling'])).toBe(false);
});

#!/usr/bin/env node
/**
 * @module
 * The `outdial` command's entry. It checks the Node.js version before anything else is loaded:
 * the commands import better-sqlite3, whose native binding crashes older Node without a word.
 * Static imports would be evaluated before this check, so the commands are imported dynamically.
 */
import { nodeVersionProblem } from './cli/node-version';
import { turnOffWasmLoopUnrolling } from './cli/wasm-loop-unrolling';
import { limitYoungGeneration } from './cli/young-generation-limit';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
// Before the commands' modules are loaded: that synchronous burst alone grew V8's young
// generation to 2 × 16 MiB when `serve` capped it later (see cli/young-generation-limit.ts). Every
// command gets the cap; only `serve` runs long enough for it to matter.
limitYoungGeneration();
// Before the first dial's fetch: see cli/wasm-loop-unrolling.ts.
turnOffWasmLoopUnrolling();
const { runCli } = await import('./cli/run-cli');
const code = await runCli(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;

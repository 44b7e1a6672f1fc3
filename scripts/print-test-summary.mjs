// Prints the plain closing line CI reads ("N passed, N failed") from vitest's JSON report.
// A failing step before the tests ran (lint, typecheck, …) counts as one failure, so a red
// run can never print "0 failed".
import { existsSync, readFileSync } from 'node:fs';

// Usage: print-test-summary.mjs <exit status> <report.json>… (the reports of every vitest run).
const [exitStatus = '0', ...reports] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const report of reports) {
  if (!existsSync(report)) continue;
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests ?? 0;
  failed += results.numFailedTests ?? 0;
  skipped += (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
}
if (exitStatus !== '0' && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);

#!/usr/bin/env node
import "./chunk-PZ5AY32C.js";

// src/cli/node-version.ts
var MINIMUM_NODE_VERSION = "22.12";
function nodeVersionProblem(version) {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [minMajor = 0, minMinor = 0] = MINIMUM_NODE_VERSION.split(".").map(Number);
  if (major > minMajor || major === minMajor && minor >= minMinor) return void 0;
  return `outdial needs Node.js ${MINIMUM_NODE_VERSION} or newer (this is Node.js ${version})`;
}

// src/cli.ts
var problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
var { runCli } = await import("./run-cli-NCTJGIHJ.js");
var code = await runCli(process.argv.slice(2));
if (code !== void 0) process.exitCode = code;
//# sourceMappingURL=cli.js.map
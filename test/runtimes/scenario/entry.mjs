// Node, Bun and Deno as ES modules: the SDK's `import` build, configured from the environment
// (OUTDIAL_BASE_URL, OUTDIAL_API_KEY), as the README's examples are. Prints the report as JSON.
import * as sdk from '@outdial/sdk';
import { runScenario } from './scenario.mjs';

const report = await runScenario(sdk, { agentId: process.env.OUTDIAL_AGENT_ID });
report.loaded = import.meta.resolve('@outdial/sdk').split('/').slice(-2).join('/');
console.log(JSON.stringify(report));

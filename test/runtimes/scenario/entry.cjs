// Node and Bun as CommonJS: the SDK's `require` build, configured from the environment. The
// scenario itself is ESM, loaded with import(), which CommonJS has on every Node since 12.
const sdk = require('@outdial/sdk');

import('./scenario.mjs')
  .then(({ runScenario }) => runScenario(sdk, { agentId: process.env.OUTDIAL_AGENT_ID }))
  .then((report) => {
    report.loaded = require.resolve('@outdial/sdk').split('/').slice(-2).join('/');
    console.log(JSON.stringify(report));
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });

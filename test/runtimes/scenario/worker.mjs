// workerd: a module worker that runs the scenario when fetched and answers with the report. The
// test bundles it with esbuild, SDK inside, as wrangler would; the server's address and key come
// as bindings, since a worker has no process environment.
import * as sdk from '@outdial/sdk';
import { runScenario } from './scenario.mjs';

export default {
  async fetch(_request, env) {
    try {
      const report = await runScenario(sdk, {
        clientOptions: { baseUrl: env.OUTDIAL_BASE_URL, apiKey: env.OUTDIAL_API_KEY },
        agentId: env.OUTDIAL_AGENT_ID,
      });
      return Response.json(report);
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};

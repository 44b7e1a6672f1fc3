// Chromium, against the real server on another origin (CORS): the page's bundle, SDK inside.
// The test calls `runAgainstServer` with the server's address, key and agent.
import * as sdk from '@outdial/sdk';
import { runScenario } from './scenario.mjs';

globalThis.runAgainstServer = ({ baseUrl, apiKey, agentId }) =>
  runScenario(sdk, { clientOptions: { baseUrl, apiKey }, agentId });

// Chromium, against @outdial/mock in msw's Service Worker, served from the page's own origin.
// `onPoll` moves a call one step per GET, and nothing moves a call nobody polls: the blocker
// keeps ringing and the call behind it stays queued, as on the one-slot server.

import { createOutdialMock } from '@outdial/mock';
import * as sdk from '@outdial/sdk';
import { setupWorker } from 'msw/browser';
import { runScenario } from './scenario.mjs';

globalThis.runAgainstMock = async () => {
  const mock = createOutdialMock({ baseUrl: 'https://api.outdial.test', progression: 'onPoll' });
  const worker = setupWorker(...mock.handlers);
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    quiet: true,
    onUnhandledRequest: 'error',
  });
  try {
    return await runScenario(sdk, {
      clientOptions: { baseUrl: 'https://api.outdial.test', apiKey: mock.apiKey },
      agentId: mock.agents.voice.id,
    });
  } finally {
    worker.stop();
  }
};

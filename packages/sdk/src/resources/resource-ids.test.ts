import { describe, expect, it } from 'vitest';
import { callFixture } from '../../test/mock-server';
import { Outdial } from '../client';
import { InvalidArgumentError, OutdialError } from '../core/errors';
import { Agents } from './agents';
import { Calls } from './calls';
import { Events } from './events';
import { WebhookEndpoints } from './webhook-endpoints';
import { WebhookSecret } from './webhook-secret';

type IdMethod = (outdial: Outdial, id: string) => Promise<unknown>;

/** Every resource method that puts an id in the path, called with `id`. */
const ID_METHODS: Record<string, [argument: string, IdMethod]> = {
  'calls.get': ['callId', (outdial, id) => outdial.calls.get(id)],
  'calls.cancel': ['callId', (outdial, id) => outdial.calls.cancel(id)],
  'calls.listEvents': ['callId', (outdial, id) => outdial.calls.listEvents(id)],
  'calls.stream': [
    'callId',
    async (outdial, id) => {
      for await (const _ of outdial.calls.stream(id));
    },
  ],
  'calls.waitForStatus': ['callId', (outdial, id) => outdial.calls.waitForStatus(id, ['completed'])],
  'calls.waitForTerminalStatus': ['callId', (outdial, id) => outdial.calls.waitForTerminalStatus(id)],
  'agents.get': ['agentId', (outdial, id) => outdial.agents.get(id)],
  'agents.update': ['agentId', (outdial, id) => outdial.agents.update(id, { name: 'Renamed' })],
  'agents.delete': ['agentId', (outdial, id) => outdial.agents.delete(id)],
  'webhookEndpoints.get': ['endpointId', (outdial, id) => outdial.webhookEndpoints.get(id)],
  'webhookEndpoints.update': [
    'endpointId',
    (outdial, id) => outdial.webhookEndpoints.update(id, { status: 'disabled' }),
  ],
  'webhookEndpoints.delete': ['endpointId', (outdial, id) => outdial.webhookEndpoints.delete(id)],
  'webhookEndpoints.rotateSecret': ['endpointId', (outdial, id) => outdial.webhookEndpoints.rotateSecret(id)],
  'webhookEndpoints.listDeliveries': [
    'endpointId',
    (outdial, id) => outdial.webhookEndpoints.listDeliveries(id).toArray(),
  ],
  'webhookEndpoints.retryDelivery': [
    'deliveryId',
    (outdial, id) => outdial.webhookEndpoints.retryDelivery('we_1', id),
  ],
  'webhookEndpoints.sendTest': ['endpointId', (outdial, id) => outdial.webhookEndpoints.sendTest(id)],
};
const NO_ID_METHODS = [
  'calls.create',
  'calls.createAndWait',
  'calls.list',
  'agents.create',
  'agents.list',
  'events.list',
  'events.stream',
  'webhookEndpoints.create',
  'webhookEndpoints.list',
  'webhookSecret.rotate',
];

const BAD_IDS: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['an empty string', ''],
  ['a number', 42],
  ['an object', { id: 'call_1' }],
];

/** A client whose fetch records every request and answers like a server would. */
function recordingClient() {
  const requests: string[] = [];
  const outdial = new Outdial({
    apiKey: 'test-key',
    baseUrl: 'http://outdial.test',
    maxRetries: 0,
    fetch: async (request) => {
      requests.push(`${request.method} ${request.url}`);
      return Response.json({ data: callFixture({ status: 'completed' }) });
    },
  });
  return { outdial, requests };
}

describe('resource ids', () => {
  const cases = Object.entries(ID_METHODS).flatMap(([name, [argument, method]]) =>
    BAD_IDS.map(([label, id]) => [name, label, argument, method, id] as const),
  );

  it.each(cases)(
    '%s rejects %s with InvalidArgumentError, sending nothing',
    async (_name, _label, argument, method, id) => {
      const { outdial, requests } = recordingClient();
      let pending: Promise<unknown> | undefined;
      expect(() => {
        pending = method(outdial, id as string);
      }).not.toThrow(); // a rejected promise, not a synchronous throw
      const error = await pending?.catch((e: unknown) => e);
      expect(requests).toEqual([]);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toBeInstanceOf(OutdialError);
      expect(error).toMatchObject({
        name: 'InvalidArgumentError',
        argument,
        message: expect.stringContaining(`${argument} must be a non-empty string`),
      });
    },
  );

  it('still sends a good id, encoded', async () => {
    const { outdial, requests } = recordingClient();
    await outdial.calls.get('call/1');
    expect(requests).toEqual(['GET http://outdial.test/api/v1/calls/call%2F1']);
  });

  it('covers every resource method', () => {
    const methods = (prefix: string, prototype: object) =>
      Object.getOwnPropertyNames(prototype)
        .filter((name) => name !== 'constructor')
        .map((name) => `${prefix}.${name}`);
    expect(
      [
        ...methods('calls', Calls.prototype),
        ...methods('agents', Agents.prototype),
        ...methods('events', Events.prototype),
        ...methods('webhookEndpoints', WebhookEndpoints.prototype),
        ...methods('webhookSecret', WebhookSecret.prototype),
      ].sort(),
    ).toEqual([...Object.keys(ID_METHODS), ...NO_ID_METHODS].sort());
  });
});

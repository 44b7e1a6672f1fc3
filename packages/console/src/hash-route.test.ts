import { describe, expect, it } from 'vitest';
import { batchCallsHref, batchHref, callHref, parseRoute, webhookHref } from './hash-route';

describe('parseRoute', () => {
  it('reads every page from the hash, and the calls page from anything else', () => {
    expect(parseRoute('')).toEqual({ page: 'calls' });
    expect(parseRoute('#/calls')).toEqual({ page: 'calls' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'calls' });
    expect(parseRoute('#/place')).toEqual({ page: 'place' });
    expect(parseRoute('#/queue')).toEqual({ page: 'queue' });
    expect(parseRoute('#/batches')).toEqual({ page: 'batches' });
    expect(parseRoute('#/webhooks')).toEqual({ page: 'webhooks' });
  });

  it('round-trips the ids its links carry', () => {
    expect(parseRoute(callHref('call_01JD7ZK5W8Q3N2M4P6R8T0V2X4'))).toEqual({
      page: 'call',
      callId: 'call_01JD7ZK5W8Q3N2M4P6R8T0V2X4',
    });
    expect(parseRoute(batchHref('batch_01JD7ZK5WBA1B2C3D4E5F6G7H8'))).toEqual({
      page: 'batch',
      batchId: 'batch_01JD7ZK5WBA1B2C3D4E5F6G7H8',
    });
    expect(parseRoute(webhookHref('we_1/x'))).toEqual({ page: 'webhook', endpointId: 'we_1/x' });
  });

  it('reads the calls page batch filter from the query of the hash', () => {
    expect(parseRoute(batchCallsHref('batch_1&x=y'))).toEqual({ page: 'calls', batchId: 'batch_1&x=y' });
    expect(parseRoute('#/calls?batchId=')).toEqual({ page: 'calls' });
  });
});

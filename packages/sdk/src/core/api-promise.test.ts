import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { callFixture, client, errorResponse, url, useMockServer } from '../../test/mock-server';
import type { Call } from '../models';
import { ApiPromise, type WithResponse } from './api-promise';
import { InvalidArgumentError, NotFoundError } from './errors';

const server = useMockServer();

/** GET /calls/call_1 answers with `x-request-id: req_ok`; returns how many requests arrived. */
function getCall() {
  let requests = 0;
  server.use(
    http.get(url('/calls/call_1'), () => {
      requests++;
      return HttpResponse.json({ data: callFixture() }, { headers: { 'x-request-id': 'req_ok' } });
    }),
  );
  return () => requests;
}

/** A few real event-loop turns: enough for msw to answer, and for Node to report a rejection. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('ApiPromise', () => {
  it('awaits to the data, as a plain promise would', async () => {
    getCall();
    const pending = client().calls.get('call_1');
    expect(pending).toBeInstanceOf(ApiPromise);
    expect(pending).toBeInstanceOf(Promise);
    expectTypeOf(pending).toEqualTypeOf<ApiPromise<Call>>();
    await expect(pending).resolves.toEqual(callFixture());
  });

  it('withResponse gives the data, the response and the request id of a success', async () => {
    const requests = getCall();
    const result = await client().calls.get('call_1').withResponse();
    expectTypeOf(result).toEqualTypeOf<WithResponse<Call>>();
    expect(result.data).toEqual(callFixture());
    expect(result.response).toBeInstanceOf(Response);
    expect(result.response.status).toBe(200);
    expect(result.requestId).toBe('req_ok');
    expect(requests()).toBe(1);
  });

  it('withResponse gives requestId undefined when the server sent none', async () => {
    server.use(http.get(url('/calls/call_1'), () => HttpResponse.json({ data: callFixture() })));
    const { requestId } = await client().calls.get('call_1').withResponse();
    expect(requestId).toBeUndefined();
  });

  it('asResponse gives the raw response, its body unread', async () => {
    getCall();
    const response = await client().calls.get('call_1').asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get('x-request-id')).toBe('req_ok');
    await expect(response.json()).resolves.toEqual({ data: callFixture() });
  });

  it('sends one request however it is read', async () => {
    const requests = getCall();
    const pending = client().calls.get('call_1');
    const [data, { data: again, requestId }, response] = await Promise.all([
      pending,
      pending.withResponse(),
      pending.asResponse(),
    ]);
    expect(again).toBe(data);
    expect(requestId).toBe('req_ok');
    expect(response.status).toBe(200);
    expect(requests()).toBe(1);
  });

  it('is started at once: a create nobody awaits is still sent', async () => {
    let posts = 0;
    server.use(
      http.post(url('/calls/outbound'), () => {
        posts++;
        return HttpResponse.json({ data: callFixture() }, { status: 201 });
      }),
    );
    void client().calls.create({ agentId: callFixture().agentId, phoneNumber: '+14155552671' });
    await settle();
    expect(posts).toBe(1);
  });

  it('rejects withResponse and asResponse with the typed error of an error status', async () => {
    server.use(http.get(url('/calls/call_1'), () => errorResponse(404, 'not_found', 'Call not found')));
    const pending = client().calls.get('call_1');
    const [viaData, viaWith, viaResponse] = await Promise.all([
      pending.catch((e: unknown) => e),
      pending.withResponse().catch((e: unknown) => e),
      pending.asResponse().catch((e: unknown) => e),
    ]);
    expect(viaData).toBeInstanceOf(NotFoundError);
    expect(viaWith).toBe(viaData);
    expect(viaResponse).toBe(viaData);
    expect(viaData).toMatchObject({ status: 404, requestId: 'req_404' });
  });

  describe('unhandled rejections', () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    beforeEach(() => {
      unhandled.length = 0;
      process.on('unhandledRejection', record);
    });
    afterEach(() => {
      process.off('unhandledRejection', record);
    });

    it('causes none when a failed request is read with withResponse() only', async () => {
      server.use(http.get(url('/calls/call_1'), () => errorResponse(404, 'not_found', 'Call not found')));
      const error = await client()
        .calls.get('call_1')
        .withResponse()
        .catch((e: unknown) => e);
      await settle();
      expect(error).toBeInstanceOf(NotFoundError);
      expect(unhandled).toEqual([]);
    });

    it('causes none when a failed request is read with asResponse() only', async () => {
      server.use(http.get(url('/calls/call_1'), () => errorResponse(404, 'not_found', 'Call not found')));
      const error = await client()
        .calls.get('call_1')
        .asResponse()
        .catch((e: unknown) => e);
      await settle();
      expect(error).toBeInstanceOf(NotFoundError);
      expect(unhandled).toEqual([]);
    });

    it('causes none for a bad id read with withResponse() only', async () => {
      const error = await client()
        .calls.get('')
        .withResponse()
        .catch((e: unknown) => e);
      await settle();
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(unhandled).toEqual([]);
    });

    it('causes none when a success is read with withResponse() only', async () => {
      getCall();
      await client().calls.get('call_1').withResponse();
      await settle();
      expect(unhandled).toEqual([]);
    });
  });
});

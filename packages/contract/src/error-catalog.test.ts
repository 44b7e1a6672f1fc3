import { expect, it } from 'vitest';
import { ApiError, apiError, errorEnvelope, fieldError, reasonOf, validationError } from './error-catalog';

it('builds a catalog error, filling its placeholders', () => {
  const error = apiError('call_not_cancellable', { status: 'completed' });
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({
    status: 400,
    type: 'call_not_cancellable',
    message: 'Cannot cancel call with status: completed',
  });
});

it('prefixes a validation error with the first detail', () => {
  const error = validationError([{ field: 'limit', message: 'Limit must be an integer between 1 and 100' }]);
  expect(error.message).toBe('Validation error: Limit must be an integer between 1 and 100');
  expect(reasonOf('invalid_cursor')).toBe('Invalid cursor');
  expect(fieldError('invalid_cursor', 'cursor').details).toEqual([
    { field: 'cursor', message: 'Invalid cursor' },
  ]);
});

it('renders the envelope, with details only when there are some', () => {
  expect(errorEnvelope(apiError('unauthorized'), 'req_1')).toEqual({
    error: { message: 'Unauthorized', code: 401, type: 'unauthorized', requestId: 'req_1' },
  });
  const headers = apiError('idempotency_in_progress', {}, { headers: { 'Retry-After': '1' } }).headers;
  expect(headers).toEqual({ 'Retry-After': '1' });
});

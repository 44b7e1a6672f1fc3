import { describe, expect, it } from 'vitest';
import { decodePageCursor, encodePageCursor } from './page-cursor';

describe('page cursor', () => {
  it('round-trips and is URL-safe', () => {
    const cursor = { t: '2025-12-01T15:30:00.000Z', i: 'call_01JD7ZK5W8Q3N2M4P6R8T0V2X4' };
    const encoded = encodePageCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['wrong shape', Buffer.from('{"t":1,"i":"x"}').toString('base64url')],
    ['not a date', Buffer.from('{"t":"soon","i":"x"}').toString('base64url')],
    ['JSON null', Buffer.from('null').toString('base64url')],
  ])('rejects a cursor that is %s', (_, value) => {
    expect(decodePageCursor(value)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { decodePageCursor, encodePageCursor } from './page-cursor';

describe('page cursor', () => {
  it('round-trips, base64url without padding (same form as the spec example)', () => {
    const cursor = encodePageCursor({ t: '2025-12-01T15:30:00.000Z', i: 'call_01' });
    expect(cursor).toBe('eyJ0IjoiMjAyNS0xMi0wMVQxNTozMDowMC4wMDBaIiwiaSI6ImNhbGxfMDEifQ');
    expect(decodePageCursor(cursor)).toEqual({ t: '2025-12-01T15:30:00.000Z', i: 'call_01' });
  });

  it('is URL-safe and carries non-ASCII ids', () => {
    const cursor = { t: '2025-12-01T15:30:00.000Z', i: 'call_01JD7ZK5W8Q3N2M4P6R8T0V2X4?é' };
    const encoded = encodePageCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not base64url either', '!!!'],
    ['not JSON', btoa('hello')],
    ['JSON without t and i', btoa('{"x":1}')],
    ['of the wrong shape', btoa('{"t":1,"i":"x"}')],
    ['a bad timestamp', btoa('{"t":"soon","i":"call_1"}').replace(/=+$/, '')],
    ['JSON null', btoa('null')],
  ])('rejects a cursor that is %s', (_name, value) => {
    expect(decodePageCursor(value)).toBeUndefined();
  });
});

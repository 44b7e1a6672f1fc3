import { ApiError, ConnectionError } from '@outdial/sdk';
import { describe, expect, it } from 'vitest';
import { errorText, fieldErrors } from './error-text';

const validation = ApiError.from(
  400,
  {
    error: {
      message: 'Validation error: Phone number must be in E.164 format (+1234567890)',
      code: 400,
      type: 'validation_error',
      details: [
        { field: 'phoneNumber', message: 'Phone number must be in E.164 format (+1234567890)' },
        { field: 'phoneNumber', message: 'a second complaint' },
        { field: 'priority', message: 'Priority must be an integer between 0 and 10' },
      ],
      requestId: 'req_1',
    },
  },
  new Headers(),
);

describe('errorText and fieldErrors', () => {
  it("say the API's own message, and its details by field (the first per field)", () => {
    expect(errorText(validation)).toBe(
      'Validation error: Phone number must be in E.164 format (+1234567890)',
    );
    expect(fieldErrors(validation)).toEqual({
      phoneNumber: 'Phone number must be in E.164 format (+1234567890)',
      priority: 'Priority must be an integer between 0 and 10',
    });
  });

  it('name no fields for errors that are not the API answering', () => {
    const offline = new ConnectionError('fetch failed');
    expect(errorText(offline)).toContain('fetch failed');
    expect(fieldErrors(offline)).toEqual({});
    expect(errorText('plain')).toBe('plain');
  });
});

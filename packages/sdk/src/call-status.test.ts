import { openApiDocument } from '@outdial/contract';
import { describe, expect, it } from 'vitest';
import { isTerminalStatus, TERMINAL_STATUSES } from './call-status';

describe('call status', () => {
  it('knows the terminal statuses, and treats unknown ones as not terminal', () => {
    expect(TERMINAL_STATUSES).toEqual(openApiDocument.components.schemas.CallStatus['x-terminal']);
    expect(TERMINAL_STATUSES).toContain('no_answer');
    for (const status of TERMINAL_STATUSES) expect(isTerminalStatus(status)).toBe(true);
    for (const status of [
      'initiated',
      'scheduled',
      'queued',
      'connecting',
      'ringing',
      'active',
      'voicemail',
      '',
    ])
      expect(isTerminalStatus(status)).toBe(false);
  });
});

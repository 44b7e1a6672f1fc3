import { describe, expect, it } from 'vitest';
import { DEFAULT_CLI_PORT, parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('defaults to LiveKit dev settings on port 7880', () => {
    const command = parseCliArgs(['--quiet']);
    expect(command).toEqual({
      kind: 'start',
      options: {
        port: DEFAULT_CLI_PORT,
        host: '127.0.0.1',
        apiKey: 'devkey',
        apiSecret: 'secret-secret-secret-secret-secret',
        timings: {},
      },
    });
  });

  it('reads every option', () => {
    const command = parseCliArgs([
      '--port=0',
      '--api-key',
      'k',
      '--api-secret',
      's',
      '--webhook-url',
      'http://127.0.0.1:3000/api/v1/livekit/webhook',
      '--ring-ms',
      '50',
      '--talk-ms',
      '500',
      '--early-hangup-ms',
      '100',
      '--no-answer-ms',
      '200',
      '--fail-ms',
      '20',
      '--record-limit',
      '500',
    ]);
    expect(command.kind).toBe('start');
    if (command.kind !== 'start') return;
    expect(command.options).toMatchObject({
      port: 0,
      apiKey: 'k',
      apiSecret: 's',
      webhookUrl: 'http://127.0.0.1:3000/api/v1/livekit/webhook',
      timings: { ringMs: 50, talkMs: 500, earlyHangupMs: 100, noAnswerMs: 200, failMs: 20 },
      recordLimit: 500,
    });
    expect(command.options.log).toBeTypeOf('function');
  });

  it('prints help that says it is not telephony and lists the outcomes', () => {
    const command = parseCliArgs(['--help']);
    expect(command.kind).toBe('help');
    if (command.kind !== 'help') return;
    expect(command.text).toContain('NOT telephony');
    expect(command.text).toContain('+15005550001');
  });

  it('rejects unknown options and bad values', () => {
    expect(() => parseCliArgs(['--bogus'])).toThrow();
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--ring-ms', '-1'])).toThrow(/--ring-ms/);
    expect(() => parseCliArgs(['--record-limit', '1.5'])).toThrow(/--record-limit/);
  });
});

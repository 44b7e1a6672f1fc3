import { SipClient } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { startLiveKitEmulator } from './livekit-emulator';
import { RequestLog } from './request-log';

function logWithDialsAt(...times: number[]): RequestLog {
  const log = new RequestLog(Number.POSITIVE_INFINITY);
  for (const at of times) {
    log.add({ service: 'SIP', method: 'CreateSIPParticipant', at, time: new Date().toISOString() });
    log.add({ service: 'RoomService', method: 'CreateRoom', at, time: new Date().toISOString() });
  }
  return log;
}

describe('RequestLog', () => {
  it('numbers records in arrival order and starts them pending', () => {
    const log = logWithDialsAt(5, 7);
    expect(log.records.map((r) => [r.seq, r.method, r.outcome, r.status])).toEqual([
      [1, 'CreateSIPParticipant', 'pending', 0],
      [2, 'CreateRoom', 'pending', 0],
      [3, 'CreateSIPParticipant', 'pending', 0],
      [4, 'CreateRoom', 'pending', 0],
    ]);
  });

  it('counts only dial starts, in the busiest window', () => {
    const log = logWithDialsAt(0, 100, 900, 999, 1000, 1500, 1999.5, 3000);
    expect(log.dialStarts()).toEqual([0, 100, 900, 999, 1000, 1500, 1999.5, 3000]);
    // [0, 1000) holds 4; [999, 1999) holds 3… [1000, 2000) holds 3; the busiest is 4.
    expect(log.maxStartsInWindow()).toBe(4);
    expect(log.maxStartsInWindow(1)).toBe(1);
    expect(log.maxStartsInWindow(10_000)).toBe(8);
    expect(new RequestLog(Number.POSITIVE_INFINITY).maxStartsInWindow()).toBe(0);
  });

  it('records real requests: one CreateSIPParticipant per dial, with number, room and identity', async () => {
    const emulator = await startLiveKitEmulator({ timings: { ringMs: 5, talkMs: 5 } });
    const sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    await Promise.all(
      ['+14155550001', '+14155550002', '+14155550003'].map((number, i) =>
        sip.createSipParticipant('ST_t', number, `room-${i}`, { participantIdentity: `callee-${i}` }),
      ),
    );
    const dials = emulator.requests.filter((r) => r.method === 'CreateSIPParticipant');
    expect(dials).toHaveLength(3);
    expect(dials.map((r) => r.phoneNumber).sort()).toEqual(['+14155550001', '+14155550002', '+14155550003']);
    for (const record of dials) {
      expect(record).toMatchObject({ service: 'SIP', sipTrunkId: 'ST_t', status: 200, outcome: 'ok' });
      expect(record.room).toBe(`room-${record.participantIdentity?.slice(-1)}`);
      expect(new Date(record.time).getTime()).not.toBeNaN();
    }
    expect(emulator.dialStarts()).toHaveLength(3);
    expect(emulator.maxStartsInWindow(60_000)).toBe(3);
    await emulator.stop();
  });
});

import { describe, expect, it } from 'vitest';
import { DialGate } from './dial-gate';

describe('DialGate and a batch pause', () => {
  it('whenClear waits for the dial holding the pass: its INVITE is on the socket by then', async () => {
    const gate = new DialGate();
    gate.open('call_1');
    const pass = await gate.enterDial('call_1');
    expect(pass.mayDial).toBe(true);
    let clear = false;
    const waiting = gate.whenClear('call_1').then(() => (clear = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(clear).toBe(false);
    pass.release(); // the INVITE's headers are written
    await waiting;
    expect(clear).toBe(true);
    // A call nobody is dialing here is clear at once.
    await gate.whenClear('call_unknown');
  });

  it('a dial held back inside the gate sends nothing, and a later cancel knows no INVITE left', async () => {
    const gate = new DialGate();
    gate.open('call_1');
    const pass = await gate.enterDial('call_1', () => true);
    expect(pass).toMatchObject({ mayDial: false, heldBack: true });
    pass.release();
    const seen = await gate.whileCancelling('call_1', async (dial) => dial);
    expect(seen).toEqual({ dialedHere: true, inviteSent: false });
  });

  it('a cancel committed first wins over the hold: the dial is cancelled, not held back', async () => {
    const gate = new DialGate();
    gate.open('call_1');
    await gate.whileCancelling('call_1', async () => 'cancelled');
    const pass = await gate.enterDial('call_1', () => true);
    expect(pass).toMatchObject({ mayDial: false, heldBack: false });
    pass.release();
  });
});

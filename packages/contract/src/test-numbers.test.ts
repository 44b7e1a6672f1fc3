import { describe, expect, it } from 'vitest';
import { describeOutcomes, MAGIC_NUMBERS, OUTCOME_TABLE, outcomeForNumber } from './test-numbers';

describe('outcome table', () => {
  it.each([
    [MAGIC_NUMBERS.busy, 'busy', 486, ['ringing', 'busy']],
    [MAGIC_NUMBERS.noAnswer, 'no_answer', 408, ['ringing', 'no_answer']],
    [MAGIC_NUMBERS.trunkFailure, 'failed', 503, ['ringing', 'failed']],
    [MAGIC_NUMBERS.earlyHangup, 'answered', undefined, ['ringing', 'active', 'completed']],
    ['+14155552671', 'answered', undefined, ['ringing', 'active', 'completed']],
    ['12345', 'failed', 404, ['ringing', 'failed']],
  ])('%s → %s', (number, kind, sipStatusCode, phases) => {
    const outcome = outcomeForNumber(number);
    expect(outcome.kind).toBe(kind);
    expect(outcome.sipStatusCode).toBe(sipStatusCode);
    expect(outcome.progression.map((step) => step.phase)).toEqual(phases);
  });

  it('tells early hang-ups from normal calls by their talk time', () => {
    expect(outcomeForNumber(MAGIC_NUMBERS.earlyHangup).talk).toBe('early_hangup');
    expect(outcomeForNumber('+14155552671').talk).toBe('normal');
    expect(outcomeForNumber(MAGIC_NUMBERS.busy).talk).toBe('none');
  });

  it('starts every progression with ringing, entered at once', () => {
    for (const { outcome } of OUTCOME_TABLE) {
      expect(outcome.progression[0]).toEqual({ phase: 'ringing' });
      expect(outcome.progression.slice(1).every((step) => step.after !== undefined)).toBe(true);
    }
  });

  it('prints the table as Markdown, one row per outcome', () => {
    const lines = describeOutcomes().split('\n');
    expect(lines).toHaveLength(2 + OUTCOME_TABLE.length);
    expect(lines[2]).toBe('| `+15005550001` | busy: the callee rejects with SIP 486 Busy Here |');
  });
});

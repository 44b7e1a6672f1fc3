import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from './node-version';

describe('nodeVersionProblem', () => {
  it('accepts 22.12 and newer', () => {
    for (const version of ['22.12.0', '22.20.1', '23.0.0', '24.3.0', '100.0.0']) {
      expect(nodeVersionProblem(version)).toBeUndefined();
    }
  });

  it('names the version it needs and the one it got', () => {
    expect(nodeVersionProblem('20.19.2')).toBe(
      'outdial needs Node.js 22.12 or newer (this is Node.js 20.19.2)',
    );
    expect(nodeVersionProblem('22.11.0')).toContain('this is Node.js 22.11.0');
    expect(nodeVersionProblem('18.0.0')).toBeDefined();
  });
});

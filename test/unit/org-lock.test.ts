import { describe, expect, it } from '@jest/globals';
import { completedSince } from '../../src/salesforce/org-lock.js';

describe('completedSince', () => {
  const snapshot = new Date('2026-12-01T04:38:54.400Z');
  it('does not count a deploy completed earlier in the snapshot second when Salesforce gives milliseconds', () => {
    expect(completedSince('2026-12-01T04:38:54.037+0000', snapshot)).toBe(false);
  });
  it('counts a deploy completed after the snapshot started', () => {
    expect(completedSince('2026-12-01T04:38:54.401+0000', snapshot)).toBe(true);
    expect(completedSince('2026-12-01T04:38:55.000+0000', snapshot)).toBe(true);
  });
  it('counts a deploy reported to the whole second of the snapshot, since it may have completed after it', () => {
    expect(completedSince('2026-12-01T04:38:54.000+0000', snapshot)).toBe(true);
  });
  it('does not count a deploy of an earlier second, and counts one whose time cannot be read', () => {
    expect(completedSince('2026-12-01T04:38:53.000+0000', snapshot)).toBe(false);
    expect(completedSince(null, snapshot)).toBe(true);
  });
});

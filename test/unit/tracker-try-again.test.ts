import { describe, expect, it } from 'vitest';
import { offersTryAgain } from '@/utils/tracker/notification';
import type { ChangeState, Outcome } from '@/utils/tracker/types';

function outcome(...states: ChangeState[]): Outcome {
  const sources = states.map((state, index) => ({ sourceName: `Source ${index}`, accountName: 'abby', state, alsoChanges: [] }));
  const kind = states.includes('failed') ? 'failed' : states.includes('unknown') ? 'unknown' : 'finished';
  return { id: 'sub-1', changeIds: states.map((_, index) => `c${index}`), kind, sources };
}

describe('"Try again" on an outcome notification', () => {
  it('is offered when a change certainly did not happen', () => {
    expect(offersTryAgain(outcome('failed'))).toBe(true);
    expect(offersTryAgain(outcome('failed', 'finished'))).toBe(true);
  });

  it('is never offered when a change may have happened: a second submission could be a duplicate', () => {
    for (const state of ['unknown', 'not-found', 'not-readable'] as const) {
      expect(offersTryAgain(outcome(state)), state).toBe(false);
      expect(offersTryAgain(outcome('failed', state)), `failed + ${state}`).toBe(false);
    }
  });

  it('is not offered when everything went through', () => {
    expect(offersTryAgain(outcome('finished'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { classifierInstalled, classifierInstalledFlag, retryUntilSettled } from '@/utils/expiry/handoff';

/** Waits recorded instead of slept: the schedule is what is under test. */
function recordingWait() {
  const waits: number[] = [];
  return { waits, wait: async (ms: number) => void waits.push(ms) };
}

describe('the watcher → worker → classifier hand-off', () => {
  it('asks again when the worker did not answer (stopping just then), and stops once the classifier is in', async () => {
    const { waits, wait } = recordingWait();
    const scope: Record<string, unknown> = {};
    let asked = 0;
    await retryUntilSettled(
      async () => {
        asked += 1;
        if (asked === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
        scope[classifierInstalledFlag] = true;
        return null;
      },
      () => classifierInstalled(scope),
      { wait },
    );
    expect(asked).toBe(2);
    expect(waits).toEqual([1_000]);
  });

  it('asks again when an answer never comes (a worker torn down with the message in hand)', async () => {
    const { waits, wait } = recordingWait();
    const scope: Record<string, unknown> = {};
    let asked = 0;
    await retryUntilSettled(
      () => {
        asked += 1;
        if (asked === 1) return new Promise<null>(() => undefined);
        scope[classifierInstalledFlag] = true;
        return Promise.resolve(null);
      },
      () => classifierInstalled(scope),
      { wait, attemptMs: 20 },
    );
    expect(asked).toBe(2);
    expect(waits).toEqual([1_000]);
  });

  it('asks again when the worker answered but the injection did not happen, at most three times in all', async () => {
    const { waits, wait } = recordingWait();
    let asked = 0;
    const result = await retryUntilSettled(
      async () => {
        asked += 1;
        return null;
      },
      () => classifierInstalled({}),
      { wait },
    );
    expect(asked).toBe(3);
    expect(waits).toEqual([1_000, 2_000]);
    expect(result).toBeNull();
  });

  it('settles on the first answer of any kind, and gives undefined when every attempt failed', async () => {
    const { wait } = recordingWait();
    expect(
      await retryUntilSettled(
        async () => ({ show: false }),
        () => true,
        { wait },
      ),
    ).toEqual({ show: false });
    let asked = 0;
    const failed = await retryUntilSettled(
      async () => {
        asked += 1;
        throw new Error('no answer');
      },
      () => true,
      { wait },
    );
    expect(failed).toBeUndefined();
    expect(asked).toBe(3);
  });

  it('stops asking once the page is gone (the content script invalidated)', async () => {
    const { wait } = recordingWait();
    let asked = 0;
    let invalid = false;
    await retryUntilSettled(
      async () => {
        asked += 1;
        invalid = true;
        throw new Error('Extension context invalidated.');
      },
      () => true,
      { wait, stopped: () => invalid },
    );
    expect(asked).toBe(1);
  });

  it('reads the flag only as the classifier sets it', () => {
    expect(classifierInstalled({ [classifierInstalledFlag]: 'true' })).toBe(false);
    expect(classifierInstalled({ [classifierInstalledFlag]: true })).toBe(true);
  });
});

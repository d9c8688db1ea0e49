import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUiState } from '@/utils/messages/ui-state-guard';
import { change, popupState } from '../fixtures/popup/state';

/** The popup paints the worker's last snapshot first; storage.local can hold anything, so it is checked. */
describe('reading the UI snapshot', () => {
  it('accepts the state the worker writes, signed in or out, with changes', () => {
    const state = popupState({
      tracker: {
        pending: [change()],
        history: [change({ id: 'c2', state: 'finished', settledAt: 2 })],
        badge: { pending: 1, failed: 0 },
        needsSignIn: false,
      },
    });
    expect(parseUiState(structuredClone(state))).toEqual(state);
    expect(parseUiState({ ...structuredClone(state), identity: null })).not.toBeNull();
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'ui'],
    ['an array', []],
    ['no settings', { ...popupState(), settings: undefined }],
    [
      'sources that are not a list',
      { ...popupState(), settings: { ...popupState().settings, settings: { ...popupState().settings.settings, sources: 'AD' } } },
    ],
    [
      'a change with an unknown state',
      { ...popupState(), tracker: { ...popupState().tracker, history: [{ ...change(), state: 'hacked' }] } },
    ],
    ['an identity without its lists', { ...popupState(), identity: { userName: 'alice' } }],
  ])('refuses %s', (_name, value) => {
    expect(parseUiState(value)).toBeNull();
  });

  it('never throws and never accepts a value with a field of the wrong type', () => {
    const state = popupState();
    const paths = [
      'settings',
      'configProblems',
      'identity',
      'tracker',
      'preselectSource',
      'missingTenantOrigins',
      'watchesBuiltInSites',
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.oneof(fc.integer(), fc.object(), fc.constant(undefined), fc.boolean()), (key, junk) => {
        const broken = { ...structuredClone(state), [key]: junk };
        const parsed = parseUiState(broken);
        if (parsed !== null) expect(parsed[key]).toEqual(junk);
      }),
      { numRuns: 500 },
    );
  });
});

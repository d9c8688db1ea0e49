import { describe, expect, it } from 'vitest';
import { createPopupStore } from '@/components/popup/store';
import { sourcesWithRotatedKey } from '@/utils/tracker/key-rotation';
import { change, fakeSend, popupState, targetView } from '../fixtures/popup/state';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const payloadInvalid = ['The password change payload is invalid'];

describe('which sources must load their key again after a rotation', () => {
  const shownSince = (times: Record<string, number>) => (name: string) => times[name];

  it('names a source whose change FAILED with the payload error after the key shown was fetched', () => {
    const failed = change({ sourceName: 'G Suite', state: 'failed', settledAt: 2_000, errors: payloadInvalid });
    expect(sourcesWithRotatedKey([failed], shownSince({ 'G Suite': 1_000 }))).toEqual(['G Suite']);
  });

  it('leaves a key fetched after that failure, other failures, and sources not shown', () => {
    const failed = change({ sourceName: 'G Suite', state: 'failed', settledAt: 2_000, errors: payloadInvalid });
    expect(sourcesWithRotatedKey([failed], shownSince({ 'G Suite': 3_000 }))).toEqual([]);
    const policy = change({ sourceName: 'G Suite', state: 'failed', settledAt: 2_000, errors: ['it was used too recently'] });
    expect(sourcesWithRotatedKey([policy], shownSince({ 'G Suite': 1_000 }))).toEqual([]);
    expect(sourcesWithRotatedKey([failed], shownSince({}))).toEqual([]);
  });
});

describe('popup store: a key rotated while the popup is open', () => {
  it('loads the source again when its change FAILED because ISC could not decrypt it', async () => {
    let key = 'key-old';
    const state = popupState();
    const messenger = fakeSend({
      'state/get': () => state,
      'password/info': (r) => targetView(r.sourceName, { publicKeyId: key, fetchedAt: 1_000 }),
    });
    const actions = createPopupStore(messenger.send);
    await actions.refresh();
    await flush();
    expect(actions.store.getState().targets['G Suite']).toMatchObject({ status: 'ready', view: { publicKeyId: 'key-old' } });

    key = 'key-new';
    state.tracker = {
      ...state.tracker,
      history: [change({ sourceName: 'G Suite', state: 'failed', settledAt: 2_000, errors: payloadInvalid })],
    };
    await actions.refresh();
    await flush();
    expect(actions.store.getState().targets['G Suite']).toMatchObject({ status: 'ready', view: { publicKeyId: 'key-new' } });
    // Only that source was asked for again.
    expect(messenger.of('password/info').map((r) => r.sourceName)).toEqual(['Active Directory', 'G Suite', 'G Suite']);
  });
});

import { describe, expect, it } from 'vitest';
import { createPopupStore } from '@/components/popup/store';
import type { PasswordTargetView, UiState } from '@/utils/messages/views';
import { deferred, fakeSend, popupState, targetView, userError } from '../fixtures/popup/state';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('popup store: loading the passwords', () => {
  it('asks once per password even when loads overlap', async () => {
    const pending = deferred<PasswordTargetView>();
    const messenger = fakeSend({ 'state/get': popupState(), 'password/info': () => pending.promise });
    const actions = createPopupStore(messenger.send);
    await actions.refresh(); // loads the targets once
    actions.loadTargets();
    actions.loadTargets();
    expect(messenger.of('password/info').map((r) => r.sourceName)).toEqual(['Active Directory', 'G Suite']);
    pending.resolve(targetView());
    await flush();
    actions.loadTargets();
    expect(messenger.of('password/info')).toHaveLength(2);
  });

  it('reloads everything, bypassing the cache, when forced', async () => {
    const messenger = fakeSend({ 'state/get': popupState(), 'password/info': (r) => targetView(r.sourceName) });
    const actions = createPopupStore(messenger.send);
    await actions.refresh();
    await flush();
    actions.loadTargets(true);
    await flush();
    expect(messenger.of('password/info').map((r) => r.forceRefresh)).toEqual([false, false, true, true]);
  });

  it('passes a configured user name along', async () => {
    const state = popupState({}, { sources: [{ sourceName: 'Workday', userName: 'asmith' }] });
    const messenger = fakeSend({ 'state/get': state, 'password/info': (r) => targetView(r.sourceName) });
    await createPopupStore(messenger.send).refresh();
    expect(messenger.of('password/info')).toEqual([
      { type: 'password/info', sourceName: 'Workday', userName: 'asmith', forceRefresh: false },
    ]);
  });

  it('keeps an explainable error per password', async () => {
    const messenger = fakeSend({
      'state/get': popupState(),
      'password/info': (r) => {
        if (r.sourceName === 'G Suite') throw userError('errors.notFoundSource', [], 'not-found');
        throw new Error('raw');
      },
    });
    const actions = createPopupStore(messenger.send);
    await actions.refresh();
    await flush();
    const { targets } = actions.store.getState();
    expect(targets['G Suite']).toEqual({ status: 'error', error: { kind: 'not-found', messageKey: 'errors.notFoundSource', params: [] } });
    // An error without an explanation becomes the generic one, never the raw message.
    expect(targets['Active Directory']).toEqual({
      status: 'error',
      error: { kind: 'internal', messageKey: 'popup.errorInternal', params: [] },
    });
  });

  it('loads nothing while signed out', async () => {
    const messenger = fakeSend({ 'state/get': popupState({ identity: null }) });
    await createPopupStore(messenger.send).refresh();
    expect(messenger.of('password/info')).toEqual([]);
  });
});

describe('popup store: the page prompt preselects a password', () => {
  it('opens the password screen for it after the refresh, with its accounts selected once loaded', async () => {
    const messenger = fakeSend({
      'state/get': popupState({ preselectSource: 'G Suite' }),
      'password/info': (r) => targetView(r.sourceName),
    });
    const actions = createPopupStore(messenger.send);
    await actions.refresh();
    expect(actions.store.getState()).toMatchObject({ screen: 'password', selectedSource: 'G Suite' });
    await flush();
    expect(actions.store.getState().selectedAccounts).toEqual(['CN=Alice Smith,OU=Staff,DC=corp,DC=example']);
  });

  it('waits for sign-in before jumping, and does not override a choice already made', async () => {
    let state: UiState = popupState({ identity: null, preselectSource: 'G Suite' });
    const messenger = fakeSend({ 'state/get': () => state, 'password/info': (r) => targetView(r.sourceName) });
    const actions = createPopupStore(messenger.send);
    await actions.refresh();
    expect(actions.store.getState()).toMatchObject({ screen: 'choose', selectedSource: null });

    state = popupState({ preselectSource: 'G Suite' });
    actions.choose('Active Directory');
    await actions.refresh();
    expect(actions.store.getState().selectedSource).toBe('Active Directory');
  });
});

describe('popup store: sessions and screens', () => {
  it('signing out forgets the passwords, the selection and the last submission', async () => {
    let signedIn = true;
    const messenger = fakeSend({
      'state/get': () => popupState(signedIn ? {} : { identity: null }),
      'password/info': (r) => targetView(r.sourceName),
      'auth/signOut': () => {
        signedIn = false;
        return null;
      },
    });
    const actions = createPopupStore(messenger.send);
    await actions.refresh();
    await flush();
    actions.choose('Active Directory');
    actions.store.setState({ submission: { submissionId: 's', accounts: [] } });
    await actions.signOut();
    expect(actions.store.getState()).toMatchObject({
      targets: {},
      screen: 'choose',
      selectedSource: null,
      selectedAccounts: [],
      submission: null,
      busy: null,
    });
    expect(actions.store.getState().state?.identity).toBeNull();
  });

  it('remembers a failed sign-in as an explainable error and clears it on the next attempt', async () => {
    let attempt = 0;
    const messenger = fakeSend({
      'state/get': popupState({ identity: null }),
      'auth/signIn': () => {
        attempt += 1;
        if (attempt === 1) throw userError('errors.accessDenied', [], 'access-denied');
        return popupState().identity!;
      },
    });
    const actions = createPopupStore(messenger.send);
    await actions.signIn();
    expect(actions.store.getState()).toMatchObject({ busy: null, error: { messageKey: 'errors.accessDenied' } });
    await actions.signIn();
    expect(actions.store.getState().error).toBeNull();
  });

  it('marks worker trouble at boot without losing a painted snapshot', async () => {
    const messenger = fakeSend({});
    const actions = createPopupStore(messenger.send);
    actions.paint(popupState());
    await actions.refresh();
    expect(actions.store.getState().boot).toBe('worker-error');
    expect(actions.store.getState().state).not.toBeNull();
  });

  it('toggles accounts and goes back to the list with the selection cleared', async () => {
    const messenger = fakeSend({ 'state/get': popupState(), 'password/info': (r) => targetView(r.sourceName) });
    const actions = createPopupStore(messenger.send);
    await actions.refresh();
    await flush();
    actions.choose('Active Directory');
    const [only] = actions.store.getState().selectedAccounts;
    actions.toggleAccount(only!);
    expect(actions.store.getState().selectedAccounts).toEqual([]);
    actions.toggleAccount(only!);
    expect(actions.store.getState().selectedAccounts).toEqual([only]);
    actions.back();
    expect(actions.store.getState()).toMatchObject({ screen: 'choose', selectedSource: null, selectedAccounts: [] });
  });

  it('submits only the selected accounts', async () => {
    const messenger = fakeSend({
      'state/get': popupState(),
      'password/info': (r) => targetView(r.sourceName),
      'password/submit': (r) => ({ submissionId: 's', accounts: r.accounts.map((a) => ({ accountId: a.accountId, ok: true })) }),
    });
    const actions = createPopupStore(messenger.send);
    await actions.refresh();
    await flush();
    const target = targetView('Active Directory', {
      accounts: [
        { accountId: 'a1', accountName: 'one' },
        { accountId: 'a2', accountName: 'two' },
      ],
    });
    actions.store.setState({ selectedAccounts: ['a2'] });
    await actions.submit(target, 'A'.repeat(344), []);
    expect(messenger.of('password/submit')[0]?.accounts).toEqual([{ accountId: 'a2', accountName: 'two' }]);
    expect(actions.store.getState().screen).toBe('status');
  });
});

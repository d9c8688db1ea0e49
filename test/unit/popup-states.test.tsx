// @vitest-environment happy-dom

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PasswordTargetView, UiState } from '@/utils/messages/views';
import { click, type Rendered, settle, waitFor } from '../fixtures/popup/dom';
import { english } from '../fixtures/popup/english';
import { mountPopup } from '../fixtures/popup/popup';
import { alice, change, deferred, popupState, targetView, userError } from '../fixtures/popup/state';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.restoreAllMocks();
});

const signedOut = (extra: Partial<UiState> = {}) => popupState({ identity: null, ...extra });

describe('popup: booting and an unreachable worker', () => {
  it('shows a busy skeleton, announced as loading, until the worker answers', async () => {
    const answer = deferred<UiState>();
    const popup = await mountPopup({ 'state/get': () => answer.promise });
    view = popup;
    const skeleton = popup.byRole('status', { name: 'Loading…' });
    expect(skeleton.getAttribute('aria-busy')).toBe('true');
    expect(popup.container.querySelector('.popup')?.getAttribute('data-screen')).toBe('booting');

    answer.resolve(signedOut());
    await waitFor(() => popup.queryByTestId('signed-out'));
    expect(popup.queryByRole('status', { name: 'Loading…' })).toBeNull();
  });

  it('paints the last snapshot at once, before the worker answers', async () => {
    const answer = deferred<UiState>();
    const popup = await mountPopup({ 'state/get': () => answer.promise }, signedOut());
    view = popup;
    expect(popup.byTestId('signed-out')).toBeTruthy();
    expect(popup.queryByRole('status', { name: 'Loading…' })).toBeNull();
  });

  it('says the background service is not answering and retries on request', async () => {
    let calls = 0;
    const popup = await mountPopup({
      'state/get': () => {
        calls += 1;
        if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
        return signedOut();
      },
    });
    view = popup;
    const alert = await waitFor(() => popup.queryByRole('alert'));
    expect(alert.textContent).toContain(english('popup.workerUnavailable'));
    // The raw platform error never reaches the employee.
    expect(popup.text()).not.toContain('Receiving end');

    await click(popup.byRole('button', { name: 'Try again' }));
    await waitFor(() => popup.queryByTestId('signed-out'));
    expect(popup.messenger.of('state/get')).toHaveLength(2);
  });
});

describe('popup: not set up', () => {
  const problems: UiState['configProblems'] = [
    { key: 'tenant', messageKey: 'config.tenantMissing', managed: false },
    { key: 'clientId', messageKey: 'config.clientIdMissing', managed: true },
    { key: 'sources', messageKey: 'config.sourcesMissing', managed: false },
  ];

  it('lists every problem and marks those the organisation set', async () => {
    const popup = await mountPopup({ 'state/get': signedOut({ configProblems: problems }) });
    view = popup;
    await waitFor(() => popup.queryByTestId('misconfigured'));
    expect(popup.byRole('heading', { name: 'Rekey needs setting up' })).toBeTruthy();
    const items = [...popup.byTestId('misconfigured').querySelectorAll('li')].map((li) => li.textContent?.trim());
    expect(items).toEqual([
      'No Identity Security Cloud tenant is set.',
      'No OAuth client id is set. (set by your organisation)',
      'No passwords are configured to be offered.',
    ]);
    // A managed problem cannot be fixed by the employee: point them at IT rather than Settings.
    expect(popup.text()).toContain(english('popup.askItAdmin'));
    expect(popup.text()).not.toContain(english('popup.fixInSettings'));
  });

  it('sends the employee to Settings when nothing is managed', async () => {
    const popup = await mountPopup({
      'state/get': signedOut({ configProblems: problems.map((p) => ({ ...p, managed: false })) }),
    });
    view = popup;
    await waitFor(() => popup.queryByTestId('misconfigured'));
    expect(popup.text()).toContain(english('popup.fixInSettings'));
    expect(popup.text()).not.toContain('(set by your organisation)');
    await click(popup.byRole('button', { name: 'Open settings' }));
    expect(popup.browserCalls.optionsPageOpened).toBe(1);
  });

  it('shows the setup problems even when a session exists', async () => {
    const popup = await mountPopup({ 'state/get': popupState({ configProblems: [problems[2]!] }) });
    view = popup;
    await waitFor(() => popup.queryByTestId('misconfigured'));
    expect(popup.queryByTestId('choose')).toBeNull();
  });
});

describe('popup: signed out', () => {
  it('names the organisation and signs in through the worker', async () => {
    let signedIn = false;
    const popup = await mountPopup({
      'state/get': () => (signedIn ? popupState() : signedOut()),
      'auth/signIn': () => {
        signedIn = true;
        return alice;
      },
      'password/info': (r) => targetView(r.sourceName),
    });
    view = popup;
    await waitFor(() => popup.queryByTestId('signed-out'));
    expect(popup.byRole('heading', { name: 'Sign in to change your password' })).toBeTruthy();
    expect(popup.byTestId('tenant').textContent).toBe('acme');
    expect(popup.text()).not.toContain('(set by your organisation)');

    await click(popup.byRole('button', { name: 'Sign in' }));
    await waitFor(() => popup.queryByTestId('choose'));
    expect(popup.messenger.of('auth/signIn')).toHaveLength(1);
    expect(popup.byTestId('identity').textContent).toContain('Alice Smith');
  });

  it('marks a tenant set by the organisation', async () => {
    const state = signedOut();
    state.settings.managedKeys = ['tenant'];
    const popup = await mountPopup({ 'state/get': state });
    view = popup;
    await waitFor(() => popup.queryByTestId('signed-out'));
    expect(popup.byTestId('signed-out').textContent).toContain('(set by your organisation)');
  });

  it('shows "Signing in…" while the sign-in window is open and cannot be pressed twice', async () => {
    const signIn = deferred<typeof alice>();
    const popup = await mountPopup({ 'state/get': signedOut(), 'auth/signIn': () => signIn.promise });
    view = popup;
    await waitFor(() => popup.queryByTestId('signed-out'));
    await click(popup.byRole('button', { name: 'Sign in' }));
    const busy = popup.byRole<HTMLButtonElement>('button', { name: 'Signing in…' });
    expect(busy.disabled).toBe(true);
    signIn.reject(userError('errors.accessDenied'));
    await waitFor(() => popup.queryByRole('button', { name: 'Sign in' }));
  });

  it('explains a failed sign-in in words, with the helpdesk reference', async () => {
    const failure = userError('errors.clientRejected', ['invalid_client'], 'client-rejected');
    failure.user!.trackingId = 'trk-42';
    const popup = await mountPopup({
      'state/get': signedOut(),
      'auth/signIn': () => {
        throw failure;
      },
    });
    view = popup;
    await waitFor(() => popup.queryByTestId('signed-out'));
    await click(popup.byRole('button', { name: 'Sign in' }));
    const alert = await waitFor(() => popup.queryByRole('alert'));
    expect(alert.getAttribute('data-error-kind')).toBe('client-rejected');
    expect(alert.textContent).toContain(english('errors.clientRejected', ['invalid_client']));
    expect(alert.textContent).toContain('Reference for your helpdesk: trk-42');
    expect(popup.byRole<HTMLButtonElement>('button', { name: 'Sign in' }).disabled).toBe(false);
  });

  it('asks for access to the tenant first and explains a refusal without signing in', async () => {
    const popup = await mountPopup(
      {
        'state/get': signedOut({ missingTenantOrigins: ['https://acme.api.identitynow.com/*'] }),
        'auth/signIn': alice,
      },
      null,
      false,
    );
    view = popup;
    await waitFor(() => popup.queryByTestId('signed-out'));
    await click(popup.byRole('button', { name: 'Sign in' }));
    const alert = await waitFor(() => popup.queryByRole('alert'));
    expect(popup.browserCalls.requestedOrigins).toEqual([['https://acme.api.identitynow.com/*']]);
    expect(alert.textContent).toContain(english('popup.permissionDeclined'));
    expect(popup.messenger.of('auth/signIn')).toEqual([]);
  });

  it('asks to sign in again when changes are waiting for an outcome', async () => {
    const state = signedOut();
    state.tracker.needsSignIn = true;
    const popup = await mountPopup({ 'state/get': state });
    view = popup;
    await waitFor(() => popup.queryByTestId('signed-out'));
    expect(popup.text()).toContain(english('popup.pendingNeedSignIn'));
  });
});

describe('popup: choosing a password', () => {
  it('shows a skeleton per password while its accounts load, then the accounts', async () => {
    const loads = new Map<string, ReturnType<typeof deferred<PasswordTargetView>>>();
    const popup = await mountPopup({
      'state/get': popupState(),
      'password/info': (r) => {
        const load = deferred<PasswordTargetView>();
        loads.set(r.sourceName, load);
        return load.promise;
      },
    });
    view = popup;
    await waitFor(() => popup.queryByTestId('choose'));
    expect(popup.byRole('heading', { name: 'Which password do you want to change?' })).toBeTruthy();
    await waitFor(() => loads.size === 2);
    const skeletons = popup.allByRole('status', { name: 'Loading accounts' });
    expect(skeletons).toHaveLength(2);
    expect(skeletons.every((s) => s.getAttribute('aria-busy') === 'true')).toBe(true);

    loads.get('Active Directory')!.resolve(
      targetView('Active Directory', {
        accounts: [
          { accountId: 'CN=Alice Smith,OU=Staff,DC=corp,DC=example', accountName: 'alice.smith' },
          { accountId: 'WD-100234', accountName: 'asmith' },
        ],
      }),
    );
    const ad = await waitFor(() => popup.container.querySelector<HTMLElement>('[data-source="Active Directory"] [data-testid="accounts"]'));
    expect([...ad.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['alice.smith', 'asmith']);
    const card = popup.container.querySelector('[data-source="Active Directory"]')!;
    expect(card.textContent).toContain('These 2 accounts will change');
    expect(card.querySelector('[data-testid="also-changes"]')?.textContent).toBe('This also changes: Workday');
    expect(popup.byRole('button', { name: 'Change the Windows sign-in password' })).toBeTruthy();
    // The other card is still loading.
    expect(popup.allByRole('status', { name: 'Loading accounts' })).toHaveLength(1);
    // Without alsoChanges, no such line.
    loads.get('G Suite')!.resolve(targetView('G Suite'));
    await waitFor(() => popup.container.querySelector('[data-source="G Suite"] [data-testid="accounts"]'));
    expect(popup.container.querySelector('[data-source="G Suite"] [data-testid="also-changes"]')).toBeNull();
  });

  it('explains a failed load and retries it with a forced refresh', async () => {
    let adCalls = 0;
    const popup = await mountPopup({
      'state/get': popupState(),
      'password/info': (r) => {
        if (r.sourceName !== 'Active Directory') return targetView(r.sourceName);
        adCalls += 1;
        if (adCalls === 1) throw userError('errors.rateLimited', ['30'], 'rate-limited');
        return targetView(r.sourceName);
      },
    });
    view = popup;
    const card = () => popup.container.querySelector<HTMLElement>('[data-source="Active Directory"]')!;
    const alert = await waitFor(() => card()?.querySelector<HTMLElement>('[role="alert"]'));
    expect(alert.textContent).toContain(english('errors.rateLimited', ['30']));

    await click(alert.querySelector<HTMLButtonElement>('button')!);
    await waitFor(() => card().querySelector('[data-testid="accounts"]'));
    const adRequests = popup.messenger.of('password/info').filter((r) => r.sourceName === 'Active Directory');
    expect(adRequests.map((r) => r.forceRefresh)).toEqual([false, true]);
  });

  it('opens the password screen for the chosen password', async () => {
    const popup = await mountPopup({ 'state/get': popupState(), 'password/info': (r) => targetView(r.sourceName) });
    view = popup;
    await click(await waitFor(() => popup.queryByRole('button', { name: 'Change the Google Workspace password' })));
    await waitFor(() => popup.queryByTestId('new-password'));
    expect(popup.byRole('heading', { name: 'New password for Google Workspace' })).toBeTruthy();
    await settle();
  });

  it('points out outcomes the employee has not seen, problems first', async () => {
    const state = popupState();
    state.tracker.history = [change({ id: 'a', state: 'finished', seen: false }), change({ id: 'b', state: 'failed', seen: false })];
    const popup = await mountPopup({ 'state/get': state, 'password/info': (r) => targetView(r.sourceName), 'tracker/markSeen': null });
    view = popup;
    const link = await waitFor(() => popup.queryByTestId('unseen-outcomes'));
    expect(link.textContent).toBe('2 password changes need your attention — see what happened');
    await click(link);
    await waitFor(() => popup.queryByTestId('status'));
  });

  it('offers the status of changes in progress', async () => {
    const state = popupState();
    state.tracker.pending = [change({ id: 'a' }), change({ id: 'b' })];
    const popup = await mountPopup({ 'state/get': state, 'password/info': (r) => targetView(r.sourceName), 'tracker/markSeen': null });
    view = popup;
    const link = await waitFor(() => popup.queryByRole('button', { name: '2 changes are in progress — see their status' }));
    await click(link);
    await waitFor(() => popup.queryByTestId('status'));
    expect(popup.messenger.of('tracker/markSeen').length).toBeGreaterThan(0);
  });
});

describe('popup: focus follows screen changes', () => {
  it('leaves focus alone on the first screen after opening (no focus ring on open)', async () => {
    const popup = await mountPopup({ 'state/get': popupState(), 'password/info': (r) => targetView(r.sourceName) });
    view = popup;
    await waitFor(() => popup.queryByTestId('choose'));
    await settle(50);
    expect(document.activeElement).toBe(document.body);
  });

  it('moves focus to the list heading when coming back from the password screen', async () => {
    const popup = await mountPopup({ 'state/get': popupState(), 'password/info': (r) => targetView(r.sourceName) });
    view = popup;
    await click(await waitFor(() => popup.queryByRole('button', { name: 'Change the Windows sign-in password' })));
    await waitFor(() => popup.queryByTestId('new-password'));
    const back = popup.byRole('button', { name: '← Back' });
    back.focus();
    await click(back);
    const heading = await waitFor(() => popup.queryByRole('heading', { name: 'Which password do you want to change?' }));
    await waitFor(() => document.activeElement === heading);
  });

  it('moves focus to the sign-in heading after signing out', async () => {
    let signedIn = true;
    const popup = await mountPopup({
      'state/get': () => (signedIn ? popupState() : signedOut()),
      'password/info': (r) => targetView(r.sourceName),
      'auth/signOut': () => {
        signedIn = false;
        return null;
      },
    });
    view = popup;
    const signOut = await waitFor(() => popup.queryByRole('button', { name: 'Sign out' }));
    signOut.focus();
    await click(signOut);
    // Effects run after the paint: wait for the focus to move rather than for the screen alone.
    const heading = await waitFor(() => popup.queryByRole('heading', { name: 'Sign in to change your password' }));
    await waitFor(() => document.activeElement === heading);
  });
});

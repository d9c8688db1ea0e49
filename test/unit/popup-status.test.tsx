// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeView, SubmitResult, UiState } from '@/utils/messages/views';
import type { TrackedChange } from '@/utils/tracker/types';
import { click, type Rendered, waitFor } from '../fixtures/popup/dom';
import { english } from '../fixtures/popup/english';
import { type MountedPopup, mountPopup } from '../fixtures/popup/popup';
import { change, popupState, targetView } from '../fixtures/popup/state';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.restoreAllMocks();
});

function stateWith(pending: ChangeView[], history: ChangeView[] = [], badge = { pending: 0, failed: 0 }): UiState {
  const state = popupState();
  state.tracker = { pending, history, badge, needsSignIn: false };
  return state;
}

/** A change as the worker tracked it, finished: what the help-desk summary is written from. */
const trackedFinished: TrackedChange = {
  id: 'c1',
  submissionId: 'sub-1',
  requestId: 'req-1',
  identityId: 'identity-1',
  sourceId: 'source-ad',
  sourceName: 'Active Directory',
  accountId: 'CN=Alice Smith,OU=Staff,DC=corp,DC=example',
  accountName: 'alice.smith',
  alsoChanges: [],
  submittedAt: Date.UTC(2025, 2, 3, 9, 0),
  settledAt: Date.UTC(2025, 2, 3, 9, 2),
  state: 'finished',
  errors: [],
  sourceIds: [],
  attempts: 1,
  retryStreak: 0,
  nextPollAt: 0,
  backingOff: false,
  notified: true,
  seen: true,
};

/** Opens the status screen as it looks right after submitting `submission`. */
async function statusOf(state: UiState, submission: SubmitResult | null = null): Promise<MountedPopup> {
  const popup = await mountPopup({
    'state/get': state,
    'password/info': (r) => targetView(r.sourceName),
    'tracker/markSeen': null,
    'tracker/summary': { changes: [trackedFinished], generatedAt: Date.UTC(2025, 2, 3, 10, 0) },
  });
  view = popup;
  await waitFor(() => popup.queryByTestId('choose'));
  popup.actions.store.setState({ submission });
  await click(popup.byTestId('open-status'));
  await waitFor(() => popup.queryByTestId('status'));
  return popup;
}

const submitted: SubmitResult = { submissionId: 'sub-1', accounts: [{ accountId: 'a1', ok: true, requestId: 'req-1' }] };
const states = (popup: Rendered, testId: string) =>
  [...popup.byTestId(testId).querySelectorAll('[data-testid="change"]')].map((li) => [
    li.querySelector('strong')?.textContent,
    li.querySelector('.state')?.textContent,
  ]);

describe('status: the change just submitted', () => {
  it('shows it in progress, without the after-change checklist', async () => {
    const popup = await statusOf(stateWith([change({ state: 'pending', alsoChanges: ['Workday'] })]), submitted);
    expect(states(popup, 'current-changes')).toEqual([['Active Directory', 'In progress']]);
    expect(popup.byTestId('current-changes').getAttribute('aria-live')).toBe('polite');
    expect(popup.byTestId('current-changes').textContent).toContain('Also changed: Workday');
    expect(popup.queryByTestId('after-change')).toBeNull();
  });

  it('lists where to update the password once something finished', async () => {
    const done = change({ state: 'finished', settledAt: Date.UTC(2025, 2, 3, 9, 2) });
    const popup = await statusOf(stateWith([], [done]), submitted);
    expect(states(popup, 'current-changes')).toEqual([['Active Directory', 'Done']]);
    const after = popup.byTestId('after-change');
    expect(after.querySelector('h3')?.textContent).toBe(english('popup.afterTitle'));
    expect([...after.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      english('popup.afterBrowser'),
      english('popup.afterPhone'),
      english('popup.afterVpn'),
    ]);
  });

  it('waits for every account before showing the after-change checklist', async () => {
    const popup = await statusOf(
      stateWith([change({ id: 'c2', state: 'pending', sourceName: 'Workday' })], [change({ id: 'c1', state: 'finished' })]),
      submitted,
    );
    expect(states(popup, 'current-changes')).toEqual([
      ['Workday', 'In progress'],
      ['Active Directory', 'Done'],
    ]);
    expect(popup.queryByTestId('after-change')).toBeNull();
  });

  it('explains each cause of a failure and shows no after-change checklist when nothing changed', async () => {
    const failed = change({
      state: 'failed',
      seen: false,
      settledAt: Date.UTC(2025, 2, 3, 9, 3),
      causes: [
        { key: 'tracker.cause.history', params: ['Active Directory'] },
        { key: 'tracker.cause.locked', params: ['Active Directory'] },
      ],
    });
    const popup = await statusOf(stateWith([], [failed], { pending: 0, failed: 1 }), submitted);
    expect(states(popup, 'current-changes')).toEqual([['Active Directory', 'Failed']]);
    expect([...popup.byTestId('current-changes').querySelectorAll('.cause')].map((p) => p.textContent)).toEqual([
      english('tracker.cause.history', ['Active Directory']),
      english('tracker.cause.locked', ['Active Directory']),
    ]);
    expect(popup.queryByTestId('after-change')).toBeNull();
    // Seeing a failure clears the failure badge.
    expect(popup.messenger.of('tracker/markSeen').length).toBeGreaterThan(0);
  });

  it('shows the after-change checklist when one system finished and another failed', async () => {
    const popup = await statusOf(
      stateWith(
        [],
        [
          change({ id: 'c1', state: 'finished' }),
          change({ id: 'c2', state: 'failed', sourceName: 'Workday', causes: [{ key: 'tracker.cause.noDetails', params: ['Workday'] }] }),
        ],
      ),
      submitted,
    );
    expect(popup.byTestId('after-change')).toBeTruthy();
    expect(popup.byTestId('current-changes').textContent).toContain(english('tracker.cause.noDetails', ['Workday']));
  });

  it('says which accounts were refused outright at submission', async () => {
    const partly: SubmitResult = {
      submissionId: 'sub-1',
      accounts: [
        { accountId: 'a1', ok: true, requestId: 'req-1' },
        { accountId: 'a2', ok: false, error: { kind: 'forbidden', messageKey: 'errors.forbidden', params: [] } },
      ],
    };
    const popup = await statusOf(stateWith([change({ state: 'pending' })]), partly);
    expect(popup.byRole('alert').textContent).toBe(english('errors.forbidden'));
  });
});

describe('status: history and the helpdesk summary', () => {
  it('separates earlier changes from the current one', async () => {
    const popup = await statusOf(
      stateWith([change({ state: 'pending' })], [change({ id: 'old', submissionId: 'sub-0', sourceName: 'G Suite', state: 'finished' })]),
      submitted,
    );
    expect(popup.byRole('heading', { name: 'Earlier changes' })).toBeTruthy();
    expect(states(popup, 'history')).toEqual([['G Suite', 'Done']]);
    expect(states(popup, 'current-changes')).toEqual([['Active Directory', 'In progress']]);
  });

  it('shows everything as history when opened from the header, with every outcome in words', async () => {
    const history = (['finished', 'failed', 'unknown', 'not-readable', 'not-found'] as const).map((state, i) =>
      change({ id: `h${i}`, submissionId: `s${i}`, state, sourceName: `Source ${i}` }),
    );
    const popup = await statusOf(stateWith([], history));
    expect(popup.queryByTestId('current-changes')).toBeNull();
    expect(states(popup, 'history').map(([, state]) => state)).toEqual(['Done', 'Failed', 'Outcome unknown', 'Submitted', 'Not found']);
    expect(popup.queryByTestId('after-change')).toBeNull();
  });

  it('says there is nothing yet, and offers no summary, when there were no changes', async () => {
    const popup = await statusOf(stateWith([]));
    expect(popup.text()).toContain('No password changes yet.');
    expect(popup.queryByRole('button', { name: 'Copy a summary for your helpdesk' })).toBeNull();
  });

  it('copies a summary it writes from the changes the worker tracked', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const popup = await statusOf(stateWith([], [change({ state: 'failed' })]));
    await click(popup.byRole('button', { name: 'Copy a summary for your helpdesk' }));
    await waitFor(() => popup.queryByRole('button', { name: 'Copied' }));
    expect(popup.messenger.of('tracker/summary')).toHaveLength(1);
    const text = writeText.mock.calls[0]?.[0] ?? '';
    expect(text).toContain('Rekey password change report');
    expect(text).toContain('Created: 2025-03-03T10:00:00.000Z');
    expect(text).toContain('1/1. Active Directory — Changed');
    expect(text).toContain('Request id: req-1');
  });

  it('focuses its heading and goes back to the list', async () => {
    const popup = await statusOf(stateWith([]));
    expect(document.activeElement).toBe(popup.byRole('heading', { name: 'Your password changes' }));
    expect(popup.queryByTestId('open-status')).toBeNull();
    await click(popup.byRole('button', { name: '← Back' }));
    await waitFor(() => popup.queryByTestId('choose'));
  });

  it('counts pending and failed changes on the header link', async () => {
    const popup = await mountPopup({
      'state/get': stateWith([change()], [], { pending: 1, failed: 2 }),
      'password/info': (r) => targetView(r.sourceName),
    });
    view = popup;
    const link = await waitFor(() => popup.queryByTestId('open-status'));
    await waitFor(() => link.querySelector('.count')?.textContent === '3');
  });
});

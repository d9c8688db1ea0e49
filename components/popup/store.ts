import { createStore, type StoreApi } from 'zustand/vanilla';
import type { UserError } from '@/utils/messages/protocol';
import type { PasswordTargetView, SubmitResult, UiState } from '@/utils/messages/views';
import { sourcesWithRotatedKey } from '@/utils/tracker/key-rotation';
import { translator } from '../i18n';
import { type PageBrowser, type Send, toUserError } from '../worker';

export type TargetLoad = { status: 'loading' } | { status: 'ready'; view: PasswordTargetView } | { status: 'error'; error: UserError };

export type Screen = 'choose' | 'password' | 'status';

/**
 * Popup state. It dies with the popup document; the password itself is never here — it lives
 * only in the password form's component state.
 */
export interface PopupStore {
  boot: 'painting' | 'ready' | 'worker-error';
  state: UiState | null;
  targets: Record<string, TargetLoad>;
  screen: Screen;
  selectedSource: string | null;
  selectedAccounts: string[];
  submission: SubmitResult | null;
  busy: 'sign-in' | 'sign-out' | 'submit' | null;
  error: UserError | null;
}

const initial: PopupStore = {
  boot: 'painting',
  state: null,
  targets: {},
  screen: 'choose',
  selectedSource: null,
  selectedAccounts: [],
  submission: null,
  busy: null,
  error: null,
};

/** Without a browser (tests of the store alone): nothing to grant, no options page to open. */
const noBrowser: PageBrowser = {
  requestOrigins: async () => true,
  openOptionsPage: () => undefined,
  copySecret: (text) => navigator.clipboard.writeText(text),
};

export function createPopupStore(send: Send, pageBrowser: PageBrowser = noBrowser) {
  const store: StoreApi<PopupStore> = createStore<PopupStore>(() => ({ ...initial }));
  const set = store.setState;
  const get = store.getState;

  const actions = {
    store,
    /** First paint from the last snapshot the worker wrote, before the (maybe cold) worker answers. */
    paint(snapshot: UiState | null) {
      if (snapshot && !get().state) set({ state: snapshot });
    },
    /** The worker's current state: pushed over the page's port, or read by `refresh`. */
    receive(state: UiState) {
      set({ state, boot: 'ready' });
      actions.forgetRotatedKeys(state);
      if (state.preselectSource && get().selectedSource === null && state.identity) {
        actions.choose(state.preselectSource);
      }
      if (state.identity) actions.loadTargets();
    },
    async refresh() {
      try {
        actions.receive(await send({ type: 'state/get' }));
      } catch {
        set({ boot: 'worker-error' });
      }
    },
    openOptionsPage() {
      pageBrowser.openOptionsPage();
    },
    /** Copies a generated password; the worker clears it from the clipboard later (see PageBrowser.copySecret). */
    copySecret(text: string) {
      return pageBrowser.copySecret(text);
    },
    /** A change FAILED because ISC rotated a source's key after this popup fetched it: load that source again. */
    forgetRotatedKeys(state: UiState) {
      const { targets } = get();
      const fetchedAt = (name: string) => {
        const target = targets[name];
        return target?.status === 'ready' ? target.view.fetchedAt : undefined;
      };
      const stale = sourcesWithRotatedKey(state.tracker.history, fetchedAt);
      if (stale.length > 0) set({ targets: Object.fromEntries(Object.entries(targets).filter(([name]) => !stale.includes(name))) });
    },
    loadTargets(force = false) {
      const sources = get().state?.settings.settings.sources ?? [];
      for (const source of sources) {
        const current = get().targets[source.sourceName];
        if (!force && (current?.status === 'ready' || current?.status === 'loading')) continue;
        actions.loadTarget(source.sourceName, source.userName, force);
      }
    },
    async loadTarget(sourceName: string, userName?: string, forceRefresh = false) {
      set((s) => ({ targets: { ...s.targets, [sourceName]: { status: 'loading' } } }));
      try {
        const view = await send({ type: 'password/info', sourceName, ...(userName ? { userName } : {}), forceRefresh });
        set((s) => ({ targets: { ...s.targets, [sourceName]: { status: 'ready', view } } }));
        if (get().selectedSource === sourceName && get().selectedAccounts.length === 0) {
          set({ selectedAccounts: view.accounts.map((a) => a.accountId) });
        }
      } catch (error) {
        set((s) => ({ targets: { ...s.targets, [sourceName]: { status: 'error', error: toUserError(error) } } }));
      }
    },
    choose(sourceName: string) {
      const target = get().targets[sourceName];
      const accounts = target?.status === 'ready' ? target.view.accounts.map((a) => a.accountId) : [];
      set({ screen: 'password', selectedSource: sourceName, selectedAccounts: accounts, error: null });
    },
    toggleAccount(accountId: string) {
      const selected = get().selectedAccounts;
      set({ selectedAccounts: selected.includes(accountId) ? selected.filter((id) => id !== accountId) : [...selected, accountId] });
    },
    back() {
      set({ screen: 'choose', selectedSource: null, selectedAccounts: [], error: null });
    },
    showStatus() {
      set({ screen: 'status', error: null });
      actions.markSeen();
    },
    /** The employee is looking at the outcomes: the failure badge can go. */
    markSeen() {
      void send({ type: 'tracker/markSeen' }).catch(() => undefined);
    },
    /** Asks the browser for the tenant's host permission, in the click that started sign-in, then signs in. */
    async signIn() {
      set({ busy: 'sign-in', error: null });
      try {
        const missing = get().state?.missingTenantOrigins ?? [];
        if (missing.length > 0 && !(await pageBrowser.requestOrigins(missing))) {
          set({ error: { kind: 'permission', messageKey: 'popup.permissionDeclined', params: [] } });
          return;
        }
        await send({ type: 'auth/signIn' });
        await actions.refresh();
      } catch (error) {
        set({ error: toUserError(error) });
      } finally {
        set({ busy: null });
      }
    },
    async signOut() {
      set({ busy: 'sign-out', error: null });
      try {
        await send({ type: 'auth/signOut' });
        set({ targets: {}, screen: 'choose', selectedSource: null, selectedAccounts: [], submission: null });
        await actions.refresh();
      } finally {
        set({ busy: null });
      }
    },
    /** Sends ciphertext only. The caller encrypted the password and keeps nothing afterwards. */
    async submit(target: PasswordTargetView, encryptedPassword: string, alsoChanges: string[]) {
      const accounts = target.accounts.filter((a) => get().selectedAccounts.includes(a.accountId));
      set({ busy: 'submit', error: null });
      try {
        const submission = await send({
          type: 'password/submit',
          sourceName: target.sourceName,
          sourceId: target.sourceId,
          identityId: target.identityId,
          publicKeyId: target.publicKeyId,
          encryptedPassword,
          accounts,
          alsoChanges,
        });
        set({ submission, screen: 'status' });
        // A rejected account may mean ISC rotated the source's key (the worker then dropped its cached copy):
        // forget the target so the refresh below reloads it and a second attempt encrypts with the current key.
        if (submission.accounts.some((account) => !account.ok)) {
          set((s) => ({ targets: Object.fromEntries(Object.entries(s.targets).filter(([name]) => name !== target.sourceName)) }));
        }
        await actions.refresh();
        return submission;
      } catch (error) {
        set({ error: toUserError(error) });
        return null;
      } finally {
        set({ busy: null });
      }
    },
    /** The help-desk summary, written here from the worker's tracked changes (its layout is not in the worker). */
    async copySummary(): Promise<string> {
      const [{ changes, generatedAt }, { formatHelpdeskSummary }] = await Promise.all([
        send({ type: 'tracker/summary' }),
        import('@/utils/tracker/helpdesk-summary'),
      ]);
      return formatHelpdeskSummary(changes, generatedAt, translator().t);
    },
  };
  return actions;
}

export type PopupActions = ReturnType<typeof createPopupStore>;

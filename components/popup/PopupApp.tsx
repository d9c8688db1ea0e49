import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { UiState } from '@/utils/messages/views';
import { ErrorNotice } from '../ErrorNotice';
import { useStore } from '../useStore';
import type { WorkerClient } from '../worker';
import { ChooseTarget } from './ChooseTarget';
import { Header } from './Header';
import { SignedOut } from './SignedOut';
import { StatusView } from './StatusView';
import type { PopupActions } from './store';

export interface PopupAppProps {
  actions: PopupActions;
  /** Last state the worker wrote, for an instant first paint while the worker wakes up. */
  snapshot: UiState | null;
  /** Pushes the worker's state as it changes (tracker progress, sign-in elsewhere, policy). */
  worker?: Pick<WorkerClient, 'subscribe'>;
}

export function PopupApp({ actions, snapshot, worker }: PopupAppProps) {
  const { store } = actions;
  const boot = useStore(store, (s) => s.boot);
  const state = useStore(store, (s) => s.state);
  const screen = useStore(store, (s) => s.screen);

  useEffect(() => {
    actions.paint(snapshot);
    void actions.refresh();
    // After the first paint: the password screen's code (policy checks, strength meter) is ready before it is needed.
    void loadNewPassword();
    return worker?.subscribe((state) => actions.receive(state));
  }, [actions, snapshot, worker]);

  // Focus follows screen changes: when the control that changed the screen is gone (Back, Sign in,
  // Sign out), focus would fall to the body; move it to the new screen's heading instead. Screens
  // that focus their heading themselves have done so by now. The first screen after opening is left
  // alone, so the popup does not open with a focus ring on its heading.
  const screenKey = state ? (state.identity && state.configProblems.length === 0 ? screen : 'signed-out') : 'booting';
  const shownScreen = useRef(screenKey);
  useEffect(() => {
    const previous = shownScreen.current;
    shownScreen.current = screenKey;
    if (previous === screenKey || previous === 'booting') return;
    const active = document.activeElement;
    if (!active || active === document.body) document.querySelector<HTMLElement>('#main h2')?.focus();
  }, [screenKey]);

  const body = useMemo(() => {
    if (!state) {
      return boot === 'worker-error' ? <WorkerError onRetry={() => void actions.refresh()} /> : <BootSkeleton />;
    }
    if (!state.identity || state.configProblems.length > 0) return <SignedOut actions={actions} state={state} />;
    if (screen === 'password') return <LazyNewPassword actions={actions} state={state} />;
    if (screen === 'status') return <StatusView actions={actions} state={state} />;
    return <ChooseTarget actions={actions} state={state} />;
  }, [state, boot, screen, actions]);

  return (
    <div class="popup" data-screen={state ? (state.identity ? screen : 'signed-out') : 'booting'}>
      <Header actions={actions} state={state} />
      <main id="main" tabIndex={-1}>
        {body}
      </main>
    </div>
  );
}

function BootSkeleton() {
  return (
    <div class="stack" role="status" aria-busy="true" aria-label={t('popup.loading')}>
      <div class="skeleton skeleton-line" />
      <div class="skeleton skeleton-card" />
      <div class="skeleton skeleton-card" />
    </div>
  );
}

/**
 * The password screen and everything behind it (policy rules, strength estimate) are half the popup's code; they load
 * after the first paint instead of before it (no popup opens on that screen).
 */
type NewPasswordModule = typeof import('./NewPassword');
let newPasswordModule: NewPasswordModule | undefined;
let newPasswordLoad: Promise<NewPasswordModule> | undefined;
function loadNewPassword(): Promise<NewPasswordModule> {
  newPasswordLoad ??= import('./NewPassword').then((module) => {
    newPasswordModule = module;
    return module;
  });
  return newPasswordLoad;
}

function LazyNewPassword(props: { actions: PopupActions; state: UiState }) {
  const [module, setModule] = useState(newPasswordModule);
  useEffect(() => {
    if (!module) void loadNewPassword().then(setModule);
  }, [module]);
  return module ? <module.NewPassword {...props} /> : <BootSkeleton />;
}

function WorkerError({ onRetry }: { onRetry: () => void }) {
  return <ErrorNotice text={{ key: 'popup.workerUnavailable' }} onRetry={onRetry} />;
}

import { t, tk } from '@/components/i18n';
import type { UiState } from '@/utils/messages/views';
import { ErrorNotice } from '../ErrorNotice';
import { useStore } from '../useStore';
import type { PopupActions } from './store';

export function SignedOut({ actions, state }: { actions: PopupActions; state: UiState }) {
  const busy = useStore(actions.store, (s) => s.busy);
  const error = useStore(actions.store, (s) => s.error);
  const { settings, managedKeys } = state.settings;
  const problems = state.configProblems;
  const managed = managedKeys.length > 0;

  if (problems.length > 0) {
    return (
      <section class="stack" aria-labelledby="setup-title" data-testid="misconfigured">
        <h2 id="setup-title" tabIndex={-1}>
          {t('popup.setupTitle')}
        </h2>
        <ul class="problems">
          {problems.map((problem) => (
            <li key={problem.key}>
              {tk({ key: problem.messageKey })}
              {problem.managed && <span class="managed-note"> {t('popup.managedByOrg')}</span>}
            </li>
          ))}
        </ul>
        <p class="muted">{problems.some((p) => p.managed) ? t('popup.askItAdmin') : t('popup.fixInSettings')}</p>
        <button type="button" class="button" onClick={() => actions.openOptionsPage()}>
          {t('popup.openSettings')}
        </button>
      </section>
    );
  }

  return (
    <section class="stack" aria-labelledby="signin-title" data-testid="signed-out">
      <h2 id="signin-title" tabIndex={-1}>
        {t('popup.signInTitle')}
      </h2>
      <p>
        {t('popup.signInExplain')} <strong data-testid="tenant">{settings.tenant}</strong>
        {managed && <span class="managed-note"> {t('popup.managedByOrg')}</span>}
      </p>
      {state.tracker.needsSignIn && <p class="notice notice-warning">{t('popup.pendingNeedSignIn')}</p>}
      <button type="button" class="button button-primary" disabled={busy === 'sign-in'} onClick={() => void actions.signIn()}>
        {busy === 'sign-in' ? t('popup.signingIn') : t('popup.signIn')}
      </button>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

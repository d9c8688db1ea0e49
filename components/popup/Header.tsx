import { t } from '@/components/i18n';
import type { UiState } from '@/utils/messages/views';
import { useStore } from '../useStore';
import type { PopupActions } from './store';

export function Header({ actions, state }: { actions: PopupActions; state: UiState | null }) {
  const busy = useStore(actions.store, (s) => s.busy);
  const screen = useStore(actions.store, (s) => s.screen);
  const identity = state?.identity ?? null;
  const badge = state?.tracker.badge;
  return (
    <header class="popup-header">
      <h1>{t('app.title')}</h1>
      {identity && (
        <div class="identity" data-testid="identity">
          <span class="identity-name" title={identity.userName ?? ''}>
            {identity.displayName ?? identity.userName ?? t('popup.unknownUser')}
          </span>
          <span class="identity-tenant">{identity.tenant}</span>
          {identity.mode === 'client-credentials' && <span class="tag">{t('popup.apiClientMode')}</span>}
        </div>
      )}
      <nav class="header-actions" aria-label={t('popup.navLabel')}>
        {identity && screen !== 'status' && (
          <button type="button" class="link" onClick={() => actions.showStatus()} data-testid="open-status">
            {t('popup.statusLink')}
            {badge && badge.pending + badge.failed > 0 && <span class="count">{badge.pending + badge.failed}</span>}
          </button>
        )}
        {identity && (
          <button type="button" class="link" disabled={busy === 'sign-out'} onClick={() => void actions.signOut()}>
            {t('popup.signOut')}
          </button>
        )}
      </nav>
    </header>
  );
}

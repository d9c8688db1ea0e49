import { t, tk } from '@/components/i18n';
import type { UserError } from '@/utils/messages/protocol';

export function ErrorNotice({ error, onRetry }: { error: UserError; onRetry?: () => void }) {
  return (
    <div class="notice notice-error" role="alert" data-error-kind={error.kind}>
      <p>{tk({ key: error.messageKey, params: error.params })}</p>
      {error.trackingId && <p class="muted small">{t('popup.trackingId', [error.trackingId])}</p>}
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {t('popup.retry')}
        </button>
      )}
    </div>
  );
}

import { t, tk } from '@/components/i18n';
import type { AdminOperation } from '@/utils/admin/capabilities';
import { explainAdminError } from '@/utils/admin/explain';
import type { UserError } from '@/utils/messages/protocol';

/** A failed admin call, announced, with the scope it needed and the tracking id for support. */
export function AdminError({ operation, error, onRetry }: { operation: AdminOperation; error: UserError; onRetry?: () => void }) {
  const text = explainAdminError(operation, error);
  return (
    <div class="notice notice-error admin-error" role="alert" data-testid="admin-error" data-kind={error.kind}>
      <p>{tk({ key: text.key, params: text.params })}</p>
      {text.trackingId && <p class="small">{t('admin.error.trackingId', [text.trackingId])}</p>}
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {t('admin.retry')}
        </button>
      )}
    </div>
  );
}

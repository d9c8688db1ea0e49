import { t, tk } from '@/components/i18n';
import type { UserError } from '@/utils/messages/protocol';

/** A locale key and its parameters, as the pure modules explain things. */
export interface NoticeText {
  key: string;
  params?: readonly (string | number)[];
}

export interface ErrorNoticeProps {
  /** The typed error shown: its kind is marked on the notice (data-error-kind), its tracking id shown for support. */
  error?: UserError;
  /** What to say instead of the error's own message (an admin call explains the scope it needed; a page that cannot reach the worker has no error). */
  text?: NoticeText;
  /** Whom the tracking id is for: the employee's helpdesk (the popup, the account section) or SailPoint support (the admin panels). */
  audience?: 'employee' | 'admin';
  onRetry?: () => void;
  testId?: string;
}

/**
 * Every error a Rekey page shows, announced to assistive technology (role="alert"), with the tracking id for
 * support and a way to try again where trying again can help.
 */
export function ErrorNotice({ error, text, audience = 'employee', onRetry, testId }: ErrorNoticeProps) {
  const message = text ?? (error ? { key: error.messageKey, params: error.params } : { key: 'popup.errorInternal' });
  const admin = audience === 'admin';
  return (
    <div
      class={admin ? 'notice notice-error admin-error' : 'notice notice-error'}
      role="alert"
      data-testid={testId}
      data-error-kind={error?.kind}
    >
      <p>{tk(message)}</p>
      {error?.trackingId && (
        <p class={admin ? 'small' : 'muted small'}>{t(admin ? 'admin.error.trackingId' : 'popup.trackingId', [error.trackingId])}</p>
      )}
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {t(admin ? 'admin.retry' : 'popup.retry')}
        </button>
      )}
    </div>
  );
}

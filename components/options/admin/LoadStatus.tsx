import { ErrorNotice } from '@/components/ErrorNotice';
import { t } from '@/components/i18n';
import type { AdminOperation } from '@/utils/admin/capabilities';
import { explainAdminError } from '@/utils/admin/explain';
import type { Loaded } from './useLoad';

/**
 * What a panel shows of its read while the read is under way, or after it failed (explained with the scope the
 * call needs, and a way to try again); nothing once the value is there.
 */
export function LoadStatus<T>({ load, operation }: { load: { state: Loaded<T>; reload: () => void }; operation: AdminOperation }) {
  const { state } = load;
  if (state.status === 'loading') return <p class="muted">{t('admin.loading')}</p>;
  if (state.status !== 'error') return null;
  return (
    <ErrorNotice
      error={state.error}
      text={explainAdminError(operation, state.error)}
      audience="admin"
      testId="admin-error"
      onRetry={load.reload}
    />
  );
}

import { useState } from 'preact/hooks';
import { ErrorNotice } from '@/components/ErrorNotice';
import { t } from '@/components/i18n';
import {
  ADMIN_OPERATIONS,
  ADMIN_ROLE,
  type AdminCapabilities,
  type AdminOperation,
  PROBED_OPERATIONS,
  type ProbedOperation,
  REQUIRED_SCOPES,
} from '@/utils/admin/capabilities';
import { explainAdminError } from '@/utils/admin/explain';
import type { AdminAccessView } from '@/utils/admin/views';
import { useAction } from './useAction';
import type { Send } from './useLoad';

const isProbed = (operation: AdminOperation): operation is ProbedOperation => (PROBED_OPERATIONS as readonly string[]).includes(operation);

function describe(operation: AdminOperation, capabilities: AdminCapabilities, probe: AdminAccessView | null): string {
  const checked = probe && isProbed(operation) ? probe[operation] : null;
  if (checked?.outcome === 'unknown') return t('admin.access.unknown', [checked.kind ?? String(checked.status ?? '')]);
  if (capabilities[operation]) return t('admin.access.allowed');
  return t('admin.access.denied', [REQUIRED_SCOPES[operation].join(', '), ADMIN_ROLE]);
}

/** What the token may do: first from its claims, then, on request, from what ISC answers. */
export function AccessPanel({
  send,
  capabilities,
  probe,
  onChecked,
}: {
  send: Send;
  capabilities: AdminCapabilities;
  probe: AdminAccessView | null;
  onChecked: (probe: AdminAccessView) => void;
}) {
  const checking = useAction();
  const [status, setStatus] = useState<string | null>(null);

  async function check() {
    setStatus(null);
    await checking.run(
      () => send({ type: 'admin/checkAccess' }),
      (checked) => {
        onChecked(checked);
        setStatus(t('admin.access.checked'));
      },
    );
  }

  return (
    <section class="admin-panel" aria-labelledby="admin-access-title">
      <h3 id="admin-access-title">{t('admin.access.title')}</h3>
      <p class="small muted">{t('admin.access.explain')}</p>
      <ul class="admin-access" data-testid="admin-access">
        {ADMIN_OPERATIONS.map((operation) => (
          <li key={operation} data-operation={operation} data-allowed={String(capabilities[operation])}>
            <span class="admin-access-name">{t(`admin.access.operation.${operation}` as 'admin.access.operation.orgConfigRead')}</span>
            {': '}
            <span>{describe(operation, capabilities, probe)}</span>
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="button" disabled={checking.busy} onClick={() => void check()} data-testid="check-access">
          {checking.busy ? t('admin.access.checking') : t('admin.access.check')}
        </button>
        <p role="status" aria-live="polite" class="small">
          {status}
        </p>
      </div>
      {checking.error && (
        <ErrorNotice
          error={checking.error}
          text={explainAdminError('orgConfigRead', checking.error)}
          audience="admin"
          testId="admin-error"
        />
      )}
    </section>
  );
}

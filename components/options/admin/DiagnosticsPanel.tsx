import { useState } from 'preact/hooks';
import { t, tk, translator } from '@/components/i18n';
import { redactDeep } from '@/utils/admin/redact';
import { formatDiagnosticsReport } from '@/utils/admin/report';
import type { AdminDiagnosticsView } from '@/utils/admin/views';
import { LoadStatus } from './LoadStatus';
import { type Send, useLoad } from './useLoad';

// ISO time in the report: support reads it in another time zone.
const isoTime = (epochMs: number) => new Date(epochMs).toISOString();

function reportOf(view: AdminDiagnosticsView): string {
  return formatDiagnosticsReport(view, (key, params) => tk({ key, ...(params ? { params } : {}) }), isoTime);
}

/** Support information from the worker's records (no API call), copyable as a redacted report. */
export function DiagnosticsPanel({ send, copyText }: { send: Send; copyText: (text: string) => Promise<void> }) {
  // Redacted here, where it is shown and copied: the second line of defence for a value that slipped into a record.
  const loaded = useLoad(async () => redactDeep(await send({ type: 'admin/diagnostics' })));
  const [status, setStatus] = useState<string | null>(null);
  const view = loaded.state.status === 'ready' ? loaded.state.value : null;
  const none = t('admin.report.none');
  const when = (epochMs: number) => translator().formatDateTime(epochMs);

  async function copy() {
    if (!view) return;
    try {
      await copyText(reportOf(view));
      setStatus(t('admin.diagnostics.copied'));
    } catch {
      setStatus(t('admin.diagnostics.copyFailed'));
    }
  }

  return (
    <section class="admin-panel" aria-labelledby="admin-diagnostics-title" data-testid="admin-diagnostics">
      <h3 id="admin-diagnostics-title">{t('admin.diagnostics.title')}</h3>
      <p class="small muted">{t('admin.diagnostics.explain')}</p>
      <LoadStatus load={loaded} operation="orgConfigRead" />
      {view && (
        <>
          <dl class="admin-facts">
            <dt>{t('admin.report.tenant')}</dt>
            <dd data-testid="diag-tenant">{view.tenant || none}</dd>
            <dt>{t('admin.report.apiVersion')}</dt>
            <dd data-testid="diag-api-version">{view.apiVersion}</dd>
            <dt>{t('admin.report.extensionVersion')}</dt>
            <dd>{view.extensionVersion}</dd>
            <dt>{t('admin.diagnostics.signedInAs')}</dt>
            <dd data-testid="diag-identity">
              {view.identity ? (view.identity.userName ?? view.identity.clientId ?? none) : t('admin.report.signedOut')}
            </dd>
            {view.identity && (
              <>
                <dt>{t('admin.report.authorities')}</dt>
                <dd>{view.identity.authorities.join(', ') || none}</dd>
                <dt>{t('admin.report.scopes')}</dt>
                <dd>{view.identity.scopes.join(', ') || none}</dd>
                <dt>{t('admin.report.validUntil')}</dt>
                <dd>{view.identity.expiresAt === null ? none : when(view.identity.expiresAt)}</dd>
              </>
            )}
          </dl>
          <h4>{t('admin.report.errors')}</h4>
          {view.errors.length === 0 ? (
            <p class="small muted">{none}</p>
          ) : (
            <ul class="admin-errors" data-testid="diag-errors">
              {view.errors.map((error) => (
                <li key={`${error.at}-${error.kind}-${error.trackingId ?? ''}`}>
                  {when(error.at)} · {error.kind}
                  {error.status !== null && ` · HTTP ${error.status}`}
                  {error.trackingId && (
                    <>
                      {' · '}
                      {t('admin.report.trackingId')} <code>{error.trackingId}</code>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('admin.report.counts')}</h4>
          {Object.keys(view.counts).length === 0 ? (
            <p class="small muted">{none}</p>
          ) : (
            <ul class="admin-counts" data-testid="diag-counts">
              {Object.entries(view.counts)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([label, count]) => (
                  <li key={label}>
                    <code>{label}</code> × {count}
                  </li>
                ))}
            </ul>
          )}
          <div class="row">
            <button type="button" class="button button-primary" onClick={() => void copy()} data-testid="diag-copy">
              {t('admin.diagnostics.copy')}
            </button>
            <button type="button" class="button" onClick={loaded.reload}>
              {t('admin.refresh')}
            </button>
            <p role="status" aria-live="polite" class="small" data-testid="diag-status">
              {status}
            </p>
          </div>
          <details>
            <summary>{t('admin.diagnostics.show')}</summary>
            <pre class="admin-report" data-testid="diagnostics-report">
              {reportOf(view)}
            </pre>
          </details>
        </>
      )}
    </section>
  );
}

import { redactDeep, redactSecrets } from './redact';
import type { AdminDiagnosticsView } from './views';

export type Translate = (key: string, params?: ReadonlyArray<string | number>) => string;

/**
 * The "copy diagnostics" text for a support ticket: labels from the `admin.report` locale section,
 * values as recorded. Redacted twice, field by field and as a whole, so a secret that slipped into
 * any value (a server message, a path) does not reach the clipboard.
 */
export function formatDiagnosticsReport(view: AdminDiagnosticsView, t: Translate, formatTime: (epochMs: number) => string): string {
  const data = redactDeep(view);
  const none = t('admin.report.none');
  const lines: string[] = [
    t('admin.report.title'),
    `${t('admin.report.generated')}: ${formatTime(data.generatedAt)}`,
    `${t('admin.report.extensionVersion')}: ${data.extensionVersion}`,
    `${t('admin.report.tenant')}: ${data.tenant || none}`,
    `${t('admin.report.apiBaseUrl')}: ${data.apiBaseUrl ?? none}`,
    `${t('admin.report.apiVersion')}: ${data.apiVersion}`,
    '',
    `## ${t('admin.report.identity')}`,
  ];
  const identity = data.identity;
  if (!identity) {
    lines.push(t('admin.report.signedOut'));
  } else {
    lines.push(
      `${t('admin.report.userName')}: ${identity.userName ?? none}`,
      `${t('admin.report.identityId')}: ${identity.identityId ?? none}`,
      `${t('admin.report.identityTenant')}: ${identity.tenant ?? none}`,
      `${t('admin.report.clientId')}: ${identity.clientId ?? none}`,
      `${t('admin.report.mode')}: ${identity.mode}`,
      `${t('admin.report.authorities')}: ${identity.authorities.join(' ') || none}`,
      `${t('admin.report.scopes')}: ${identity.scopes.join(' ') || none}`,
      `${t('admin.report.validUntil')}: ${identity.expiresAt === null ? none : formatTime(identity.expiresAt)}`,
    );
  }

  lines.push('', `## ${t('admin.report.errors')}`);
  if (data.errors.length === 0) lines.push(none);
  for (const error of data.errors) {
    const parts = [formatTime(error.at), error.kind, error.status === null ? '–' : `HTTP ${error.status}`];
    if (error.detailCode) parts.push(error.detailCode);
    parts.push(`${t('admin.report.trackingId')} ${error.trackingId ?? none}`);
    lines.push(`- ${parts.join(' · ')}`);
  }

  lines.push('', `## ${t('admin.report.counts')}`);
  const counts = Object.entries(data.counts).sort(([a], [b]) => a.localeCompare(b));
  if (counts.length === 0) lines.push(none);
  for (const [label, count] of counts) lines.push(`- ${count} × ${label}`);

  lines.push('', `## ${t('admin.report.requests')}`);
  if (data.requests.length === 0) lines.push(none);
  for (const request of data.requests) {
    const status = request.status === null ? t('admin.report.noResponse') : String(request.status);
    lines.push(`- ${formatTime(request.at)} ${request.method} ${request.path} → ${status} (${request.durationMs} ms, #${request.attempt})`);
  }

  return `${redactSecrets(lines.join('\n'))}\n`;
}

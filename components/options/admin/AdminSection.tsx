import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import {
  type AdminCapabilities,
  capabilitiesFromClaims,
  hasAnyAdminCapability,
  PROBED_OPERATIONS,
  type ProbedOperation,
  type ProbeOutcome,
  withProbeResults,
} from '@/utils/admin/capabilities';
import type { AdminAccessView } from '@/utils/admin/views';
import type { UiState } from '@/utils/messages/views';
import { AccessPanel } from './AccessPanel';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { DigitTokenPanel } from './DigitTokenPanel';
import { OrgConfigPanel } from './OrgConfigPanel';
import { PoliciesPanel } from './PoliciesPanel';
import { copyToClipboard, type Send } from './useLoad';
import './admin.css';

export interface AdminSectionProps {
  state: UiState;
  send: Send;
  copyText?: (text: string) => Promise<void>;
}

function outcomes(probe: AdminAccessView): Partial<Record<ProbedOperation, ProbeOutcome>> {
  return Object.fromEntries(PROBED_OPERATIONS.map((operation) => [operation, probe[operation].outcome]));
}

/**
 * The options page's Administration section. It exists only while the signed-in token's claims grant
 * an admin tool, and shows only the tools they grant, so there is never a button that can only fail.
 */
export function AdminSection({ state, send, copyText = copyToClipboard }: AdminSectionProps) {
  const identity = state.identity;
  // Everything below belongs to one signed-in identity: another sign-in starts over.
  const identityKey = identity ? [identity.mode, identity.identityId, identity.userName, identity.tenant].join('|') : '';
  // A check belongs to the identity it was made for; after another sign-in it no longer applies.
  const [probe, setProbe] = useState<{ key: string; view: AdminAccessView } | null>(null);

  const fromClaims = capabilitiesFromClaims(identity);
  if (!identity || !hasAnyAdminCapability(fromClaims)) return null;
  const checked = probe?.key === identityKey ? probe.view : null;
  const capabilities: AdminCapabilities = checked ? withProbeResults(fromClaims, outcomes(checked)) : fromClaims;

  return (
    <section class="admin" aria-labelledby="admin-title" data-testid="admin" key={identityKey}>
      <h2 id="admin-title">{t('admin.title')}</h2>
      <p class="small muted">{t('admin.intro')}</p>
      <AccessPanel send={send} capabilities={capabilities} probe={checked} onChecked={(view) => setProbe({ key: identityKey, view })} />
      {capabilities.orgConfigRead && <OrgConfigPanel send={send} canWrite={capabilities.orgConfigWrite} />}
      {capabilities.digitToken && (
        <DigitTokenPanel send={send} configuredVersion={state.settings.settings.apiVersion} copyText={copyText} />
      )}
      {(capabilities.policiesRead || capabilities.syncGroupsRead) && (
        <PoliciesPanel send={send} canReadPolicies={capabilities.policiesRead} canReadGroups={capabilities.syncGroupsRead} />
      )}
      <DiagnosticsPanel send={send} copyText={copyText} />
    </section>
  );
}

import { browser } from 'wxt/browser';
import { loadEffectiveSettingsForDisplay } from '@/platform/settings';
import { uiSnapshotKey } from '@/platform/snapshot';
import { isLoopback, normalizeTenant } from '@/utils/auth/tenant';
import { builtInExpiryOrigins } from '@/utils/expiry/sites';
import type { ConfigProblem, PopupState } from '@/utils/messages/views';
import type { EffectiveSettings } from '@/utils/settings/effective';
import { currentIdentity } from './auth';
import { preselectedSource } from './open-popup';
import { trackerView } from './tracking';

export function configProblems(effective: EffectiveSettings, signedInWithToken: boolean): ConfigProblem[] {
  const { settings, managedKeys } = effective;
  const problems: ConfigProblem[] = [];
  const managed = (key: ConfigProblem['key']) => managedKeys.includes(key);
  if (!settings.tenant) problems.push({ key: 'tenant', messageKey: 'config.tenantMissing', managed: managed('tenant') });
  if (!settings.clientId && !signedInWithToken)
    problems.push({ key: 'clientId', messageKey: 'config.clientIdMissing', managed: managed('clientId') });
  if (settings.sources.length === 0) problems.push({ key: 'sources', messageKey: 'config.sourcesMissing', managed: managed('sources') });
  return problems;
}

/** Origins the tenant needs that are not granted yet. The loopback sandbox answers CORS and needs none. */
async function missingTenantOrigins(tenantInput: string): Promise<string[]> {
  const tenant = normalizeTenant(tenantInput);
  if (!tenant.ok || isLoopback(tenant.apiBaseUrl)) return [];
  const missing: string[] = [];
  for (const origin of tenant.origins) {
    if (!(await hasOrigins([origin]))) missing.push(origin);
  }
  return missing;
}

/** Whether host access is granted; any failure of the permissions API reads as "not granted". */
async function hasOrigins(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}

/** The popup's whole view, also mirrored to storage.local for the next popup's first paint. */
export async function popupState(): Promise<PopupState> {
  const [effective, identity, tracker, preselect] = await Promise.all([
    // A slow first policy read must not hold up the popup: paint now, repaint when it arrives.
    loadEffectiveSettingsForDisplay(250, () => void popupState()),
    currentIdentity(),
    trackerView(),
    preselectedSource(),
  ]);
  const state: PopupState = {
    settings: effective,
    configProblems: configProblems(effective, identity?.mode === 'client-credentials'),
    identity,
    tracker,
    preselectSource: preselect,
    missingTenantOrigins: await missingTenantOrigins(effective.settings.tenant),
    watchesBuiltInSites: await hasOrigins(builtInExpiryOrigins()),
  };
  await browser.storage.local.set({ [uiSnapshotKey]: state });
  return state;
}

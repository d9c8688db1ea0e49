import { type Browser, browser } from 'wxt/browser';
import { isLoopback, normalizeTenant } from '@/utils/auth/tenant';
import { builtInExpiryOrigins } from '@/utils/expiry/sites';
import type { ConfigProblem, UiState } from '@/utils/messages/views';
import type { EffectiveSettings } from '@/utils/settings/effective';
import { uiSnapshotKey } from '../shared/ui-snapshot-key';
import { toIdentityView } from './auth';
import type { PopupOpener } from './popup-opener';
import type { WorkerSession } from './session';
import type { SettingsSource } from './settings';
import type { Tracking } from './tracking';

/**
 * The one view the extension's pages show, and how it reaches them: pushed over each page's port when it changes,
 * and mirrored to storage.local (only when it changed) so that the next popup paints before the worker answers.
 * Reading never writes: a page that re-reads on every storage event cannot make the worker loop (Firefox fires
 * storage.onChanged even for unchanged values).
 */
export interface UiStatePublisher {
  read(): Promise<UiState>;
  /** Recomputes the state soon (coalescing bursts) and pushes it if it changed. */
  changed(): void;
  /** Publishes now (a settings save answers only once the next page to open would paint the new state). */
  flush(): Promise<void>;
  /** A page connected: it gets the current state now and every change until it disconnects. */
  attach(port: Browser.runtime.Port): void;
}

const coalesceMs = 50;

export function createUiStatePublisher(deps: {
  settings: SettingsSource;
  session: Pick<WorkerSession, 'current'>;
  tracking: Pick<Tracking, 'view'>;
  popup: PopupOpener;
}): UiStatePublisher {
  const ports = new Set<Browser.runtime.Port>();
  let lastPublished: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function read(): Promise<UiState> {
    const [effective, current, tracker, preselect] = await Promise.all([
      // A slow first policy read must not hold up the popup: paint now, repaint when it arrives.
      deps.settings.loadForDisplay(250, () => publisher.changed()),
      deps.session.current(),
      deps.tracking.view(),
      deps.popup.preselected(),
    ]);
    const identity = current
      ? toIdentityView(current.identity, current.kind === 'client-credentials' ? 'client-credentials' : 'oauth')
      : null;
    return {
      settings: effective,
      configProblems: configProblems(effective, identity?.mode === 'client-credentials'),
      identity,
      tracker,
      preselectSource: preselect,
      missingTenantOrigins: await missingTenantOrigins(effective.settings.tenant),
      watchesBuiltInSites: await hasOrigins(builtInExpiryOrigins()),
    };
  }

  async function publish(): Promise<void> {
    const state = await read();
    const serialized = JSON.stringify(state);
    if (serialized === lastPublished) return;
    lastPublished = serialized;
    for (const port of ports) post(port, state);
    await browser.storage.local.set({ [uiSnapshotKey]: state });
  }

  function post(port: Browser.runtime.Port, state: UiState): void {
    try {
      port.postMessage({ type: 'state', state });
    } catch {
      ports.delete(port);
    }
  }

  const publisher: UiStatePublisher = {
    read,
    async flush() {
      clearTimeout(timer);
      await publish();
    },
    changed() {
      clearTimeout(timer);
      timer = setTimeout(() => void publish().catch(() => undefined), coalesceMs);
    },
    attach(port) {
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
      void read()
        .then((state) => post(port, state))
        .catch(() => undefined);
    },
  };
  return publisher;
}

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

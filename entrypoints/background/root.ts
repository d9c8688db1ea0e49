import type { FetchLike } from '@/utils/api/http';
import { once } from '@/utils/lazy/once';
import type { Admin } from './admin';
import type { ApiConnections } from './api';
import type { SignIn } from './auth';
import { type ChunkLoader, lazily, loadChunk } from './chunks';
import type { ClipboardWiper } from './clipboard';
import type { Diagnostics } from './diagnostics';
import { createWorkerRouter } from './handlers';
import type { PagePrompt } from './page-prompt';
import type { Passwords } from './passwords';
import { createPopupOpener, type PopupOpener } from './popup-opener';
import type { Reminders } from './reminders';
import type { WorkerSession } from './session';
import { createSettingsSource, type SettingsSource } from './settings';
import { createSettingsSeal, indexedDbKeyStore, type SealKeyStore } from './settings-seal';
import { currentSession } from './storage';
import type { TenantDirectory } from './tenant';
import { createTracking, type Tracking } from './tracking';
import type { WorkerTranslator } from './translator';
import { createUiStatePublisher, type UiStatePublisher } from './ui-state';

export interface WorkerServices {
  settings: SettingsSource;
  translator: WorkerTranslator;
  diagnostics: Diagnostics;
  tenant: TenantDirectory;
  session: WorkerSession;
  signIn: SignIn;
  api: ApiConnections;
  popup: PopupOpener;
  reminders: Reminders;
  tracking: Tracking;
  passwords: Passwords;
  pagePrompt: PagePrompt;
  clipboardWiper: ClipboardWiper;
  admin: Admin;
  uiState: UiStatePublisher;
  route: ReturnType<typeof createWorkerRouter>;
}

/**
 * The composition root: the only place the worker's services are built, each once per worker life, in dependency
 * order. Everything else receives what it needs from here; nothing reaches for a module-level singleton.
 * Services that talk to the tenant (with diagnostics and a failure's explanation), the page prompt, and what only rare
 * events need (reminders, the translator, the clipboard wipe) live in chunks (./chunks.ts) and are built on first use.
 */
export function createWorkerServices(
  identity: { extensionId: string; extensionOrigin: string },
  platform: { fetch?: FetchLike; sealKeys?: SealKeyStore; chunks?: ChunkLoader } = {},
): WorkerServices {
  const chunks = platform.chunks ?? loadChunk;
  const network = once(() => chunks('network'));
  const rare = once(() => chunks('rare'));
  const fetch: FetchLike = platform.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const settings = createSettingsSource(createSettingsSeal(platform.sealKeys ?? indexedDbKeyStore()));
  const translator = lazily(() => rare().createWorkerTranslator(settings));
  const diagnostics = lazily(() => network().createDiagnostics());
  const tenant = lazily(() => network().createTenantDirectory(settings, fetch));
  const session = lazily(() => network().createWorkerSession(tenant, fetch));
  const signIn = lazily(() => network().createSignIn(tenant, session, fetch));
  const api = lazily(() => network().createApiConnections({ tenant, session, diagnostics, fetch }));
  const popup = createPopupOpener();
  const reminders = lazily(() => rare().createReminders(settings, translator));
  const tracking: Tracking = createTracking({
    settings,
    engine: once(() =>
      network().createTrackerEngine({
        api,
        diagnostics,
        reminders,
        translator,
        wakeUp: () =>
          void tracking
            .tracker()
            .then((tracker) => tracker.pollDue())
            .catch(() => undefined),
      }),
    ),
  });
  const passwords = lazily(() => network().createPasswords({ api, session, diagnostics, tracking }));
  const pagePrompt = lazily(() => chunks('page').createPagePrompt({ settings, reminders, translator, popup }));
  const clipboardWiper = lazily(() => rare().createBrowserClipboardWiper());
  const admin = lazily(() => network().createAdmin({ settings, api, diagnostics }));
  const uiState = createUiStatePublisher({ settings, session: { current: currentSession }, tracking, popup });
  const services = {
    settings,
    translator,
    diagnostics,
    tenant,
    session,
    signIn,
    api,
    popup,
    reminders,
    tracking,
    passwords,
    pagePrompt,
    clipboardWiper,
    admin,
    uiState,
  };
  // A failure is recorded and explained by the network chunk, where failures come from: a worker that answers only
  // successes never loads it.
  const explain = (error: unknown) => {
    void diagnostics.recordError(error);
    return network().explainFailure(error);
  };
  // A request whose schema ships with the chunks (its handler loads them anyway) is checked against it there.
  const chunkSchemaOf = (type: string) => chunks('requests').requestSchemaOf(type);
  return { ...services, route: createWorkerRouter(services, identity, explain, chunkSchemaOf) };
}

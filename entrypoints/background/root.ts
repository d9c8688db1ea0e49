import type { FetchLike } from '@/utils/api/http';
import { type Admin, createAdmin } from './admin';
import { type ApiConnections, createApiConnections } from './api';
import { createSignIn, type SignIn } from './auth';
import { type ClipboardWiper, createClipboardWiper } from './clipboard';
import { backgroundPageClipboard, offscreenClipboard } from './clipboard-access';
import { createDiagnostics, type Diagnostics } from './diagnostics';
import { createWorkerRouter } from './handlers';
import { createPagePrompt, type PagePrompt } from './page-prompt';
import { createPasswords, type Passwords } from './passwords';
import { createPopupOpener, type PopupOpener } from './popup-opener';
import { createReminders, type Reminders } from './reminders';
import { createWorkerSession, type WorkerSession } from './session';
import { createSettingsSource, type SettingsSource } from './settings';
import { createSettingsSeal, indexedDbKeyStore, type SealKeyStore } from './settings-seal';
import { createTenantDirectory, type TenantDirectory } from './tenant';
import { createTracking, type Tracking } from './tracking';
import { createWorkerTranslator, type WorkerTranslator } from './translator';
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
 */
export function createWorkerServices(
  identity: { extensionId: string; extensionOrigin: string },
  platform: { fetch?: FetchLike; sealKeys?: SealKeyStore } = {},
): WorkerServices {
  const fetch: FetchLike = platform.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const settings = createSettingsSource(createSettingsSeal(platform.sealKeys ?? indexedDbKeyStore()));
  const translator = createWorkerTranslator(settings);
  const diagnostics = createDiagnostics();
  const tenant = createTenantDirectory(settings, fetch);
  const session = createWorkerSession(tenant, fetch);
  const signIn = createSignIn(tenant, session, fetch);
  const api = createApiConnections({ tenant, session, diagnostics, fetch });
  const popup = createPopupOpener();
  const reminders = createReminders(settings, translator);
  const tracking = createTracking({ settings, api, diagnostics, reminders, translator });
  const passwords = createPasswords({ api, session, diagnostics, tracking });
  const pagePrompt = createPagePrompt({ settings, reminders, translator, popup });
  // Chrome's worker reaches the clipboard through an offscreen document; Firefox's background page has its own.
  const clipboardWiper = createClipboardWiper({ clipboard: import.meta.env.FIREFOX ? backgroundPageClipboard() : offscreenClipboard() });
  const admin = createAdmin({ settings, api, diagnostics });
  const uiState = createUiStatePublisher({ settings, session, tracking, popup });
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
  return { ...services, route: createWorkerRouter(services, identity) };
}

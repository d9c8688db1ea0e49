import { browser } from 'wxt/browser';
import { translator } from '@/platform/i18n';
import { loadEffectiveSettings, userSettingsItem } from '@/platform/settings';
import { ApiError, toUserError } from '@/utils/api/errors';
import { createRouter, type Handlers } from '@/utils/messages/router';
import { applyUserEdit } from '@/utils/settings/effective';
import {
  adminCheckAccess,
  adminDiagnostics,
  adminDigitToken,
  adminOrgConfig,
  adminPolicies,
  adminSaveOrgConfig,
  adminSyncGroups,
} from './admin';
import { signInInteractive, signInWithClientCredentials, signOut } from './auth';
import { recordError } from './diagnostics';
import { openChangeFlow, reportExpiry, snoozeSite } from './expiry';
import { passwordInfo, submitChange } from './passwords';
import { popupState } from './state';
import { getTracker } from './tracking';

const startedAt = Date.now();

/** After a change the popup should see at once, mirror the new state for it. */
async function andRefresh<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } finally {
    await popupState().catch(() => undefined);
  }
}

export function createHandlers(): Handlers {
  return {
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version, startedAt }),
    'state/get': () => popupState(),
    'auth/signIn': () => andRefresh(signInInteractive()),
    'auth/signInClientCredentials': (r) => andRefresh(signInWithClientCredentials(r.clientId, r.clientSecret, r.remember)),
    'auth/signOut': async () => {
      await andRefresh(signOut());
      return null;
    },
    'password/info': (r) => passwordInfo(r),
    'password/submit': (r) => andRefresh(submitChange(r)),
    'tracker/pollNow': async () => {
      await (await getTracker()).pollDue();
      return null;
    },
    'tracker/markSeen': async () => {
      await andRefresh((await getTracker()).markSeen());
      return null;
    },
    'tracker/clearHistory': async () => {
      await andRefresh((await getTracker()).clearHistory());
      return null;
    },
    'tracker/summary': async () => ({ text: await (await getTracker()).helpdeskSummary(translator().t) }),
    'settings/update': async (r) => {
      const effective = await loadEffectiveSettings();
      const current = await userSettingsItem.getValue();
      const { next, refused, invalid } = applyUserEdit(current, r.edit, effective.lockedKeys);
      if (invalid.length === 0) await userSettingsItem.setValue(next);
      await popupState();
      return { refused, invalid };
    },
    'expiry/report': (r, _context, sender) => reportExpiry(r.kind, r.daysLeft, sender),
    'expiry/snooze': async (_r, _context, sender) => {
      await snoozeSite(sender);
      return null;
    },
    'expiry/openChange': async (_r, _context, sender) => {
      await openChangeFlow(sender);
      return null;
    },
    'admin/orgConfig/get': () => adminOrgConfig(),
    'admin/orgConfig/save': (r) => adminSaveOrgConfig(r),
    'admin/digitToken': (r) => adminDigitToken(r),
    'admin/policies': () => adminPolicies(),
    'admin/syncGroups': () => adminSyncGroups(),
    'admin/checkAccess': () => adminCheckAccess(),
    'admin/diagnostics': () => adminDiagnostics(),
  };
}

/** The router, with failures turned into explanations the UI can show. */
export function createBackgroundRouter(identity: { extensionId: string; extensionOrigin: string }) {
  return createRouter(createHandlers(), identity, (error) => {
    void recordError(error);
    if (error instanceof ApiError) return toUserError(error);
    const crypto = error as { messageKey?: unknown; params?: unknown };
    if (typeof crypto.messageKey === 'string')
      return {
        kind: 'invalid-input',
        messageKey: crypto.messageKey,
        params: Array.isArray(crypto.params) ? crypto.params.map(String) : [],
      };
    return toUserError(error);
  });
}

import { browser } from 'wxt/browser';
import { builtInExpiryPatterns, matchesPattern, parseExpirySites, permissionOrigin, sourceForPage } from '@/utils/expiry/sites';
import type { SenderInfo } from '@/utils/messages/router';
import type { PromptText } from '@/utils/messages/views';
import type { Settings } from '@/utils/settings/schema';
import type { PopupOpener } from './popup-opener';
import type { Reminders } from './reminders';
import type { SettingsSource } from './settings';
import { getLocal, getSession, keys, setLocal, setSession } from './storage';
import type { WorkerTranslator } from './translator';

const scriptId = 'rekey-expiry-watch';
const classifierFile = '/content-scripts/expiry-classifier.js';

/**
 * The "your password has expired" prompt on identity-provider pages, worker side: where the watcher runs, what a
 * page's report may change, and what the prompt's two buttons do. A page is untrusted: it can report what it
 * likes, so a report only ever shows a prompt in that tab, and only a tab that was shown one can open the change flow.
 */
export interface PagePrompt {
  /** Registers the watcher where the user or policy granted host access; nothing is requested here. */
  syncContentScripts(): Promise<string[]>;
  report(
    kind: 'expired' | 'expiring',
    daysLeft: number | undefined,
    sender: SenderInfo,
  ): Promise<{ show: false } | { show: true; text: PromptText }>;
  snooze(sender: SenderInfo): Promise<void>;
  openChange(sender: SenderInfo): Promise<void>;
  /** Loads the expiry classifier into the frame whose watcher found the page relevant (see expiry-watch.content.ts). */
  injectClassifier(sender: SenderInfo): Promise<void>;
}

export function createPagePrompt(deps: {
  settings: SettingsSource;
  reminders: Reminders;
  translator: WorkerTranslator;
  popup: PopupOpener;
}): PagePrompt {
  const { settings } = deps;

  async function snoozes(): Promise<Record<string, number>> {
    return (await getLocal<Record<string, number>>(keys.snoozes)) ?? {};
  }

  async function shownPrompts(): Promise<Record<string, string>> {
    return (await getSession<Record<string, string>>(keys.shownPrompts)) ?? {};
  }

  /** Worded here rather than in the page: the worker knows a policy-forced language, and the script stays small. */
  async function promptText(kind: 'expired' | 'expiring', daysLeft: number | undefined): Promise<PromptText> {
    const { t } = await deps.translator.current();
    const message =
      kind === 'expired'
        ? t('prompt.expired')
        : daysLeft === undefined
          ? t('prompt.expiringSoon')
          : daysLeft === 0
            ? t('prompt.expiringToday')
            : t('prompt.expiringIn', [daysLeft], daysLeft);
    return {
      message,
      changeNow: t('prompt.changeNow'),
      notNow: t('prompt.notNow'),
      close: t('prompt.close'),
      regionLabel: t('prompt.region'),
    };
  }

  /** One registration pass: the watcher's matches from the settings as they are now and the host access granted. */
  async function registerWatcher(): Promise<string[]> {
    const { settings: current } = await settings.load();
    const candidates = [...builtInExpiryPatterns, ...parseExpirySites(current.expiryPagePatterns).map((s) => s.pattern)];
    const granted: string[] = [];
    for (const pattern of candidates) {
      if (await browser.permissions.contains({ origins: [permissionOrigin(pattern)] }).catch(() => false)) granted.push(pattern);
    }
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId] }).catch(() => []);
    const script = {
      id: scriptId,
      matches: granted,
      js: ['content-scripts/expiry-watch.js'],
      runAt: 'document_idle' as const,
      allFrames: false,
      persistAcrossSessions: true,
    };
    // Updated in place rather than unregistered and registered again: a page loading in between would get no watcher.
    if (granted.length === 0) {
      if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [scriptId] });
    } else if (existing.length > 0) {
      await browser.scripting.updateContentScripts([script]);
    } else {
      await browser.scripting.registerContentScripts([script]);
    }
    return granted;
  }

  // Passes run one at a time, and a call during a pass gets a pass of its own after it. Two passes at once (the
  // worker's start-up pass beside a settings change's) both found no registration, both registered, and the one
  // whose settings were read first could win — a duplicate-id error dropping the newer one — leaving pages the
  // administrator had just added without a watcher until the next change.
  let tail: Promise<unknown> = Promise.resolve();
  let waiting: Promise<string[]> | undefined;

  return {
    syncContentScripts() {
      if (!waiting) {
        const pass = tail.then(() => {
          waiting = undefined;
          return registerWatcher();
        });
        waiting = pass;
        tail = pass.catch(() => undefined);
      }
      return waiting;
    },

    async report(kind, daysLeft, sender) {
      const page = pageOf(sender);
      if (!page) return { show: false };
      const { settings: current } = await settings.load();
      // Only a site the administrator mapped to a source may date that source's expiry: any tenant's page on a
      // shared host (another company's *.okta.com) could otherwise plant or push back the employee's reminders.
      const mapped = mappedSource(page.url, current);
      if (kind === 'expiring' && daysLeft !== undefined && mapped) {
        const label = current.sources.find((s) => s.sourceName === mapped)?.label ?? mapped;
        await deps.reminders.recordExpiry({ key: mapped, label, daysLeft });
      }
      const until = (await snoozes())[page.origin] ?? 0;
      if (until > Date.now()) return { show: false };
      if (page.tabId !== undefined) await setSession(keys.shownPrompts, { ...(await shownPrompts()), [page.tabId]: page.origin });
      return { show: true, text: await promptText(kind, daysLeft) };
    },

    async injectClassifier(sender) {
      // The watcher runs only where host access was granted, so this injects nowhere else; the file is ours.
      const tabId = sender.tab?.id;
      if (tabId === undefined || !/^https?:/.test(sender.url ?? '')) return;
      await browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [classifierFile] })
        .catch(() => undefined);
    },

    async snooze(sender) {
      const page = pageOf(sender);
      if (!page || !(await wasShown(page))) return;
      const { settings: current } = await settings.load();
      const now = Date.now();
      const active = Object.fromEntries(Object.entries(await snoozes()).filter(([, until]) => until > now));
      await setLocal(keys.snoozes, { ...active, [page.origin]: now + current.snoozeHours * 3_600_000 });
    },

    async openChange(sender) {
      const page = pageOf(sender);
      // A page cannot open Rekey by itself: only the tab this worker showed a prompt in may ask.
      if (!page || !(await wasShown(page))) return;
      const { settings: current } = await settings.load();
      await deps.popup.open(
        sourceForPage(
          page.url,
          parseExpirySites(current.expiryPagePatterns),
          current.sources.map((s) => s.sourceName),
        ),
      );
    },
  };

  async function wasShown(page: Page): Promise<boolean> {
    return page.tabId !== undefined && (await shownPrompts())[page.tabId] === page.origin;
  }
}

interface Page {
  url: string;
  origin: string;
  tabId: number | undefined;
}

function pageOf(sender: SenderInfo): Page | null {
  const url = sender.tab?.url ?? sender.url;
  try {
    return url ? { url, origin: new URL(url).origin, tabId: sender.tab?.id } : null;
  } catch {
    return null;
  }
}

function mappedSource(url: string, settings: Settings): string | null {
  const configured = settings.sources.map((s) => s.sourceName);
  const site = parseExpirySites(settings.expiryPagePatterns).find(
    (candidate) => candidate.sourceName !== null && configured.includes(candidate.sourceName) && matchesPattern(url, candidate.pattern),
  );
  return site?.sourceName ?? null;
}

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackerAlarm } from '@/entrypoints/background/tracking';
import { type FirefoxSession, launchFirefoxExtension } from '@/sandbox/browser/firefox';
import { type ExtensionHarness, firefoxHarness, testId } from '@/sandbox/browser/harness';
import { configure, enterNewPassword, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { alicesAccount } from '../fixtures/pending-change';

const password = 'Granite-Heron-Beacon-39';
/** Firefox suspends an event page after 30 s without events; 2 s keeps the test short and changes nothing else. */
const idleTimeoutMs = 2_000;
/** The tracker's own alarm floor (30 s, Chrome's) plus Firefox's start-up and one status read. */
const wakeDeadlineMs = 45_000;

/** Firefox's promise-based namespace in an extension tab, spelled as a property (WXT's test plugin rewrites a bare `browser`). */
type ExtensionGlobals = { browser: typeof chrome };

/** The tracker's record in storage.local (utils/tracker/types.ts), the part this test reads. */
interface TrackerRecord {
  changes: { submissionId: string; state: string; notified: boolean; settledAt?: number; lastError?: string }[];
  outbox: unknown[];
}

/**
 * Firefox's MV3 background is an event page: Firefox suspends it when no event has reached it for a
 * while (pref extensions.background.idle.timeout) and starts it again for the next event it listens
 * to. Nothing in its memory survives, so a change submitted before the suspension must be picked up
 * from storage.local by the new page and reach its real outcome exactly once.
 */
describe('a change survives a suspended Firefox event page', () => {
  let tenant: SandboxTenant;
  let session: FirefoxSession;
  let harness: ExtensionHarness;
  /**
   * An extension tab that only watches: it reads storage.local and alarms, asks whether the event page
   * runs (without starting it), and hears Firefox's notification events. None of that wakes the page.
   */
  let observer: Page;

  beforeAll(async () => {
    // ISC takes a minute of tenant time: the change is still running when the event page is suspended.
    tenant = await startTenant({ port: 0, statusDelayMs: 60_000 });
    session = await launchFirefoxExtension({ backgroundIdleTimeoutMs: idleTimeoutMs });
    harness = firefoxHarness(session);
    await configure(harness, sandboxSettings(tenant));
    observer = await session.openExtensionPage('icon/32.png', { width: 100, height: 100 });
  });

  afterAll(async () => {
    await harness?.close();
    await tenant?.stop();
  });

  const trackerRecord = () =>
    observer.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).browser.storage.local.get('tracker').then((stored) => stored.tracker as TrackerRecord),
    );
  const trackerAlarmAt = () =>
    observer.evaluate(
      (name) => (globalThis as unknown as ExtensionGlobals).browser.alarms.get(name).then((alarm) => alarm?.scheduledTime ?? null),
      trackerAlarm,
    );
  const closedNotifications = () => observer.evaluate(() => (globalThis as unknown as { __closed: string[] }).__closed);

  it('is started again by the tracker alarm, rebuilds the tracker from storage and reaches the outcome once', async () => {
    // Headless Firefox closes each notification the moment it is created, so notifications.getAll() never
    // has one to count. Firefox reports each close to every extension page listening: this tab counts them.
    await observer.evaluate(() => {
      const holder = globalThis as unknown as ExtensionGlobals & { __closed: string[] };
      holder.__closed = [];
      holder.browser.notifications.onClosed.addListener((id) => holder.__closed.push(id));
    });

    const popup = await harness.openPopup();
    await popup.waitFor(testId('signed-out'));
    await signIn(harness, popup, 'alice', 'Alice-Sandbox-1');
    await enterNewPassword(popup, 'Active Directory', password);
    await popup.click(testId('submit'));
    await expect.poll(() => popup.count(`${testId('current-changes')} [data-state="pending"]`), { timeout: 10_000 }).toBe(1);
    // A mark on the event page's global: a page that was suspended and started again has a fresh global without it.
    await session.evaluateInBackground(`(api, background) => { background.__rekeyBeforeSuspension = true; }`);
    // With the popup closed nothing reaches the event page any more (an open popup reconnects its port and wakes it).
    await popup.close();

    await expect.poll(() => session.isBackgroundRunning(), { timeout: 10_000, interval: 200 }).toBe(false);
    const alarmAt = await trackerAlarmAt();
    expect(alarmAt, 'the suspended page left its wake-up with Firefox').not.toBeNull();

    // ISC finishes while no background runs.
    tenant.advanceClock(60_000);
    expect(tenant.accountState(alicesAccount).passwordChangedAt).toBeTruthy();
    tenant.clearRequestLog();

    // Watch, without waking it, until the tracker's record says the outcome was delivered: note when the page
    // was last seen suspended, and whether anything started it before the alarm's time.
    let lastSeenSuspendedAt = Date.now();
    let runningBeforeAlarm = false;
    const deadline = Date.now() + wakeDeadlineMs;
    let record = await trackerRecord();
    while (!record.changes.every((change) => change.notified) && Date.now() < deadline) {
      const askedAt = Date.now();
      const running = await session.isBackgroundRunning();
      if (!running) lastSeenSuspendedAt = askedAt;
      else if (Date.now() < (alarmAt as number)) runningBeforeAlarm = true;
      await new Promise((resolve) => setTimeout(resolve, 200));
      record = await trackerRecord();
    }

    // Nothing but the alarm started it: never seen running before the alarm's time, seen suspended shortly
    // before it, the outcome read after it, and the page running now has a fresh global.
    expect(runningBeforeAlarm).toBe(false);
    expect(lastSeenSuspendedAt).toBeGreaterThanOrEqual((alarmAt as number) - 3_000);
    expect(record.changes[0]?.settledAt).toBeGreaterThanOrEqual(alarmAt as number);
    expect(await session.evaluateInBackground<boolean>('(api, background) => background.__rekeyBeforeSuspension === true')).toBe(false);

    // The real outcome, exactly once: one finished change, delivered (outbox empty, no failed delivery), one
    // notification handed to Firefox under the submission's id, and the password sent to ISC once.
    expect(record.changes.map((change) => change.state)).toEqual(['finished']);
    expect(record.changes[0]?.lastError).toBeUndefined();
    expect(record.outbox).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a second notification would show up by now
    expect(await closedNotifications()).toEqual([record.changes[0]?.submissionId]);
    expect(tenant.setPasswordCount()).toBe(1);
    // The new page only read the status of the change it found in storage; it sent nothing again. (Firefox
    // asks CORS preflights of the loopback tenant, which an extension in Chromium does not.)
    const sinceSuspension = tenant
      .requestLog()
      .filter((entry) => entry.method !== 'OPTIONS')
      .map((entry) => `${entry.method} ${entry.path.replace(/\/[0-9a-f]{32}$/, '/…')}`);
    expect(sinceSuspension.length).toBeGreaterThan(0);
    expect(new Set(sinceSuspension)).toEqual(new Set(['GET /beta/password-change-status/…']));
  });
});

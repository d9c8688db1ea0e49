/**
 * Popup first paint in real Firefox (Debian firefox-esr over WebDriver BiDi, sandbox/browser/firefox.ts), against the
 * same empty extension page as in Chromium, installed beside Rekey in the same browser and loaded interleaved.
 * Firefox runs no script of the driver's in an extension page before the page's own, so times are read after load
 * from the page's performance timeline: the empty page's first-contentful-paint, and for Rekey the later of its
 * first-contentful-paint and the 'rekey:first-screen' mark the popup sets when its first real screen (not the boot
 * skeleton) is rendered.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  type FirefoxSession,
  firefoxExtensionDir,
  geckoId,
  launchFirefoxExtension,
  navigate,
  pinnedExtensionUuid,
} from '@/sandbox/browser/firefox';
import { firefoxHarness, testId } from '@/sandbox/browser/harness';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { removeProfileDir } from '@/sandbox/browser/profile-dir';
import type { SandboxTenant } from '@/sandbox/tenant';
import { baselineDir } from './browser';
import { formatInterval, medianRatioInterval } from './ratio';
import { type BenchSection, summarize } from './types';

const BASELINE_ID = 'rekey-bench-baseline@rekey.example';
const BASELINE_UUID = '0b6a9d4e-8c1f-4f3a-9e27-5d4c3b2a1f00';
const WAIT_MS = 15_000;

export interface FirefoxPaintOptions {
  runs: number;
  restarts: number;
  tenant: SandboxTenant;
}

/** The empty extension, with the manifest Firefox wants (an event page instead of a service worker, a gecko id). */
function firefoxBaseline(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rekey-bench-ff-baseline-'));
  cpSync(baselineDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(baselineDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  manifest.background = { scripts: ['worker.js'] };
  manifest.browser_specific_settings = { gecko: { id: BASELINE_ID } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

interface Sample {
  fcp: number;
  /** The first real screen on screen: the kept frame (entrypoints/popup-frame.ts) or the live screen, whichever came. */
  content: number;
  /** The live screen rendered (the 'rekey:first-screen' mark): from then on the popup answers clicks and keys. */
  live: number;
  /** The screen shown when the times were read ('signed-out', 'choose', …; the empty page has none). */
  screen?: string;
}

/** Loads `url` in a new 360×600 tab and reads when its first real content was painted. */
async function paintOnce(session: FirefoxSession, url: string, rekey: boolean): Promise<Sample> {
  const page: Page = await session.browser.newPage();
  try {
    await page.setViewport({ width: 360, height: 600 });
    await navigate(page, url);
    // Source text, not a function: the TypeScript runner would put its own helpers into a function's text.
    const sample = (await page.evaluate(`new Promise((resolve, reject) => {
      const deadline = performance.now() + ${WAIT_MS};
      const check = () => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const mark = performance.getEntriesByName('rekey:first-screen')[0]?.startTime;
        const frame = performance.getEntriesByName('rekey:first-frame')[0]?.startTime;
        if (fcp !== undefined && (${!rekey} || mark !== undefined)) resolve({ fcp, content: Math.max(fcp, frame ?? mark ?? 0), live: Math.max(fcp, mark ?? 0), screen: document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? undefined });
        else if (performance.now() > deadline) reject(new Error('No paint entries: fcp ' + fcp + ', mark ' + mark));
        else setTimeout(check, 10);
      };
      check();
    })`)) as Sample;
    // Closed only once settled (see the 'rekey:settled' mark in entrypoints/popup/main.tsx), as any popup an employee looked at.
    if (rekey) {
      await page.evaluate(`new Promise((resolve, reject) => {
        const deadline = performance.now() + ${WAIT_MS};
        const check = () => {
          if (performance.getEntriesByName('rekey:settled').length > 0) resolve(true);
          else if (performance.now() > deadline) reject(new Error('The popup never settled (no rekey:settled mark).'));
          else setTimeout(check, 10);
        };
        check();
      })`);
    }
    return sample;
  } finally {
    await page.close();
  }
}

async function launch(profile: string, baseline: string): Promise<FirefoxSession> {
  const rekeyId = geckoId(firefoxExtensionDir);
  const session = await launchFirefoxExtension({
    userDataDir: profile,
    prefs: {
      'extensions.webextensions.uuids': JSON.stringify({ [rekeyId]: pinnedExtensionUuid, [BASELINE_ID]: BASELINE_UUID }),
      // Add-ons are installed again at each launch (temporary add-ons): keep their origin's data across, as a
      // permanently installed add-on keeps it across browser starts.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
    },
  });
  await session.browser.installExtension(baseline);
  return session;
}

const urls = (session: FirefoxSession) => ({
  rekey: `${session.extensionOrigin}/popup.html`,
  baseline: `moz-extension://${BASELINE_UUID}/popup.html`,
  /** The empty page whose screen one module script adds (its body is empty before: its first contentful paint is that screen). */
  scripted: `moz-extension://${BASELINE_UUID}/script.html`,
});

/** `runs` loads of each page, interleaved, after one unmeasured load each. */
async function warmSamples(session: FirefoxSession, runs: number) {
  const { rekey, baseline, scripted } = urls(session);
  await paintOnce(session, rekey, true);
  await paintOnce(session, baseline, false);
  await paintOnce(session, scripted, false);
  const samples = { rekey: [] as Sample[], baseline: [] as Sample[], scripted: [] as Sample[] };
  for (let run = 0; run < runs; run++) {
    samples.rekey.push(await paintOnce(session, rekey, true));
    samples.baseline.push(await paintOnce(session, baseline, false));
    samples.scripted.push(await paintOnce(session, scripted, false));
  }
  return samples;
}

/**
 * The first load of each page after a browser start, `restarts` times each: every launch opens one page only (which
 * alternates), the first extension page after that start. `afterRekey` runs before a Rekey launch closes.
 */
async function firstOpenSamples(
  profile: string,
  baselineDir: string,
  restarts: number,
  afterRekey?: (session: FirefoxSession) => Promise<void>,
) {
  const samples = { rekey: [] as Sample[], baseline: [] as Sample[] };
  for (let run = 0; run < 2 * restarts; run++) {
    const session = await launch(profile, baselineDir);
    try {
      const { rekey, baseline } = urls(session);
      if (run % 2 === 0) {
        const sample = await paintOnce(session, rekey, true);
        // A browser start signs everyone out: a first screen showing a signed-in employee would be a wrong one.
        if (sample.screen !== 'signed-out') throw new Error(`The first popup after a Firefox start showed "${sample.screen}".`);
        samples.rekey.push(sample);
        await afterRekey?.(session);
      } else {
        samples.baseline.push(await paintOnce(session, baseline, false));
      }
    } finally {
      await session.close();
    }
  }
  return samples;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');
const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;

function rows(state: string, worker: string, samples: { rekey: Sample[]; baseline: Sample[]; scripted?: Sample[] }): BenchSection['rows'] {
  const base = summarize(samples.baseline.map((s) => s.content));
  const versusEmpty = (page: string, values: Sample[]) => {
    const measured = summarize(values.map((s) => s.content));
    return {
      browser: 'Firefox',
      state,
      worker,
      page,
      'FCP median ms': ms(summarize(values.map((s) => s.fcp)).median),
      'content median ms': ms(measured.median),
      'content p95 ms': ms(measured.p95),
      'vs empty (median)': ratio(measured.median, base.median),
      'median ratio, 90% interval': formatInterval(
        medianRatioInterval(
          values.map((s) => s.content),
          samples.baseline.map((s) => s.content),
        ),
      ),
      'vs empty (p95)': ratio(measured.p95, base.p95),
    };
  };
  return [
    {
      browser: 'Firefox',
      state,
      worker,
      page: 'empty extension page',
      'FCP median ms': ms(summarize(samples.baseline.map((s) => s.fcp)).median),
      'content median ms': ms(base.median),
      'content p95 ms': ms(base.p95),
      'vs empty (median)': '1.00×',
      'median ratio, 90% interval': '',
      'vs empty (p95)': '1.00×',
    },
    ...(samples.scripted ? [versusEmpty('empty page + one-line module script', samples.scripted)] : []),
    versusEmpty('Rekey popup: first screen', samples.rekey),
    versusEmpty(
      'Rekey popup: live screen (answers input)',
      samples.rekey.map((s) => ({ ...s, content: s.live })),
    ),
  ];
}

/** Every popup state Firefox can be put in: warm, first open after a browser start; not configured and signed in. */
export async function firefoxPaintRows(options: FirefoxPaintOptions): Promise<BenchSection['rows']> {
  const profile = mkdtempSync(join(tmpdir(), 'rekey-bench-ff-profile-'));
  const baseline = firefoxBaseline();
  const result: BenchSection['rows'] = [];
  try {
    // A profile whose popup was opened once while not configured, as on any browser Rekey was installed on.
    let session = await launch(profile, baseline);
    try {
      result.push(...rows('not configured', 'warm', await warmSamples(session, options.runs)));
    } finally {
      await session.close();
    }
    result.push(
      ...rows(
        'not configured, first open after browser start',
        'just started',
        await firstOpenSamples(profile, baseline, options.restarts),
      ),
    );

    session = await launch(profile, baseline);
    try {
      const harness = firefoxHarness(session);
      await configure(harness, sandboxSettings(options.tenant));
      const popup = await harness.openPopup();
      await signIn(harness, popup, 'alice', 'Alice-Sandbox-1');
      await popup.waitFor(testId('identity'));
      await popup.close();
      result.push(...rows('signed in (alice)', 'warm', await warmSamples(session, options.runs)));
    } finally {
      await session.close();
    }
    // Tokens live in storage.session, which a browser start empties: the employee is signed out again then. Each
    // measured popup signs in again before its Firefox closes, so every Rekey start finds a kept signed-in state.
    result.push(
      ...rows(
        'after sign-in, first open after browser start (signed out again)',
        'just started',
        await firstOpenSamples(profile, baseline, options.restarts, async (started) => {
          const harness = firefoxHarness(started);
          const popup = await harness.openPopup();
          await signIn(harness, popup, 'alice', 'Alice-Sandbox-1');
          await popup.waitFor(testId('identity'));
          await popup.close();
        }),
      ),
    );
  } finally {
    removeProfileDir(profile);
    rmSync(baseline, { recursive: true, force: true });
  }
  return result;
}

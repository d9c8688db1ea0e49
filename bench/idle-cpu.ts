import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchExtension } from '@/sandbox/browser/chromium';
import { launchFirefoxExtension } from '@/sandbox/browser/firefox';
import { chromiumHarness, type ExtensionHarness, firefoxHarness, testId } from '@/sandbox/browser/harness';
import { configure, sandboxSettings, signIn } from '@/sandbox/browser/journeys';
import { removeProfileDir } from '@/sandbox/browser/profile-dir';
import { startTenant } from '@/sandbox/tenant';
import type { BenchSection } from './types';

/**
 * CPU a browser spends while the popup and the options page sit idle, signed in, beside the same browser idle with
 * only a blank tab, in one launch. Measured from /proc (utime + stime of every process whose command line names the
 * run's private profile), so it covers the worker, the pages and the browser's own processes alike.
 */
const idleSeconds = 10;
const clockTicks = 100; // USER_HZ on Linux

function cpuTicks(marker: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      // Fields after the command name (which may contain spaces) start after the last ')'.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

async function idleCpuPercent(marker: string): Promise<number> {
  const before = cpuTicks(marker);
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1_000));
  return ((cpuTicks(marker) - before) / clockTicks / idleSeconds) * 100;
}

async function measure(browserName: 'chromium' | 'firefox'): Promise<Record<string, string | number>> {
  const profile = mkdtempSync(join(tmpdir(), `rekey-idle-${browserName}-`));
  const tenant = await startTenant({ port: 0 });
  const harness: ExtensionHarness =
    browserName === 'chromium'
      ? chromiumHarness(await launchExtension({ userDataDir: profile }))
      : firefoxHarness(await launchFirefoxExtension({ userDataDir: profile }));
  try {
    await configure(harness, sandboxSettings(tenant));
    const popup = await harness.openPopup();
    await signIn(harness, popup, 'alice', 'Alice-Sandbox-1');
    await popup.close();
    const blank = await harness.openPage('about:blank');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const baseline = await idleCpuPercent(profile);
    await blank.close();

    const shown = await harness.openPopup();
    await shown.waitFor(`${testId('target')}[data-source="Active Directory"]`);
    const options = await harness.openOptions();
    await options.waitFor(testId('options-identity'));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rekey = await idleCpuPercent(profile);
    return {
      browser: browserName,
      'popup + options idle': `${rekey.toFixed(1)} % of a core`,
      'blank tab idle': `${baseline.toFixed(1)} % of a core`,
      difference: `${(rekey - baseline).toFixed(1)} points`,
    };
  } finally {
    await harness.close();
    await tenant.stop();
    removeProfileDir(profile);
  }
}

export default async function idleCpu(): Promise<BenchSection> {
  const rows = [await measure('chromium'), await measure('firefox')];
  return {
    title: `CPU while the popup and options page sit idle, signed in (${idleSeconds} s, whole browser)`,
    columns: ['browser', 'popup + options idle', 'blank tab idle', 'difference'],
    rows,
    notes: ['Before #17/#20, Firefox spent 100–160 % of a core here (a state read that wrote, re-read on every storage event).'],
  };
}

/**
 * Where a toolbar popup row's time goes (issue #21): runs the signed-in toolbar rows (or those named in
 * REKEY_PROBE_STATES: warm, cold) and prints each sample's own timeline beside Rekey's worker's status changes.
 * `REKEY_OUT_DIR=.output-x npx tsx bench/toolbar-probe.ts`; REKEY_PROBE_TRACE=dir then records a CDP trace of one
 * stopped-worker toolbar popup of each (Rekey, the empty page). Not part of `npm run bench`: a tool for reading one row.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeProfileDir } from '@/sandbox/browser/profile-dir';
import { startTenant } from '@/sandbox/tenant';
import {
  configureForTenant,
  launchBenchBrowser,
  openSignedInPopup,
  type ToolbarSample,
  toolbarPopupOnce,
  toolbarPopupRows,
} from './browser';

const states = (process.env.REKEY_PROBE_STATES ?? 'warm,cold').split(',');
const profile = mkdtempSync(join(tmpdir(), 'rekey-toolbar-probe-'));
const tenant = await startTenant({ port: 0, statusDelayMs: 0 });
const browser = await launchBenchBrowser(profile);
try {
  const control = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(control);
  const statuses: { status: string; at: number }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (new URL(version.scriptURL).host === browser.rekey.id) statuses.push({ status: version.runningStatus, at: Date.now() });
    }
  });
  await cdp.send('ServiceWorker.enable');
  await configureForTenant(browser, tenant);
  await (await openSignedInPopup(browser, 'alice', 'Alice-Sandbox-1')).close();
  for (const state of states) {
    const samples = { rekey: [] as ToolbarSample[], baseline: [] as ToolbarSample[], scripted: [] as ToolbarSample[] };
    const rows = await toolbarPopupRows(browser, { name: 'signed in (alice)', cold: state === 'cold', signedIn: true }, samples);
    console.table(
      rows.map((row) => ({
        page: row.page,
        median: row['content median ms'],
        ratio: row['vs empty (median)'],
        interval: row['median ratio, 90% interval'],
      })),
    );
    const round = (value: number | undefined) => (value === undefined ? '' : Math.round(value));
    for (const [side, list] of Object.entries(samples)) {
      console.log(`--- ${state}: ${side}`);
      for (const s of list) {
        // The worker's first 'starting' after the popup's navigation start, on the popup's clock.
        const starting = statuses.find((entry) => entry.status === 'starting' && entry.at >= s.timeOrigin);
        const running = statuses.find((entry) => entry.status === 'running' && entry.at >= s.timeOrigin);
        const marks = Object.entries(s.marks)
          .map(([name, at]) => `${name.replace('rekey:', '')}=${round(at)}`)
          .join(' ');
        console.log(
          `value=${round(s.value)} fcp=${round(s.fcp)} frame=${s.frame} interactive=${round(s.domInteractive)} load=${round(s.loadEventEnd)} size=${s.size.join('x')} ${marks}` +
            (side === 'rekey'
              ? ` worker-starting=${starting ? starting.at - s.timeOrigin : '-'} running=${running ? running.at - s.timeOrigin : '-'}`
              : ''),
        );
      }
    }
  }
  const traceDir = process.env.REKEY_PROBE_TRACE;
  if (traceDir) {
    mkdirSync(traceDir, { recursive: true });
    for (const [name, extension, isRekey] of [
      ['rekey', browser.rekey, true],
      ['empty', browser.baseline, false],
    ] as const) {
      await browser.stopWorkers();
      const events: unknown[] = [];
      const collect = (event: { value: unknown[] }) => events.push(...event.value);
      cdp.on('Tracing.dataCollected', collect);
      await cdp.send('Tracing.start', {
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'toplevel',
            'loading',
            'blink',
            'cc',
            'viz',
            'gpu',
            'v8',
            'extensions',
            'ServiceWorker',
            'benchmark',
            'navigation',
            'ui',
            'views',
          ],
        },
      } as never);
      const sample = await toolbarPopupOnce(browser, extension, isRekey, 'popup.html');
      const done = new Promise((resolveDone) => cdp.once('Tracing.tracingComplete', resolveDone));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', collect);
      writeFileSync(`${traceDir}/${name}.json`, JSON.stringify({ traceEvents: events, sample }));
      console.log(`trace ${name}: first screen ${sample.value} ms, ${events.length} events`);
    }
  }
} finally {
  await browser.close();
  await tenant.stop();
  removeProfileDir(profile);
}

/**
 * Where a Chromium tab popup row's time goes (issue #21), with A/B builds: loads one or more Chromium builds of Rekey
 * side by side (REKEY_PROBE_BUILDS=dirA,dirB: their chrome-mv3 directories; default the one REKEY_OUT_DIR names) and
 * prints each sample's own marks (popup-frame.js's steps, the live screen) beside the empty page's first screen.
 * Not part of `npm run bench`: a tool for reading rows.
 *
 * REKEY_PROBE_MODE=first-open (default): REKEY_PROBE_LAUNCHES launches per page (default 8) on one kept profile, each
 * opening only one page (each build's popup, then the empty page, in turn); REKEY_PROBE_SIGNED_IN=1 signs the build in
 * again before each of its launches closes (the "after a sign-in" row). REKEY_PROBE_MODE=tabs: signed-in warm and
 * stopped-worker tab popups of each build, interleaved with the empty page (REKEY_PROBE_RUNS each, default 15);
 * REKEY_PROBE_NOT_CONFIGURED=1 the not-configured ones.
 * REKEY_PROBE_MODE=toolbar: the same for the real toolbar popup (CDP Extensions.triggerAction, as toolbarPopupRows),
 * so that two builds' toolbar popups are compared in one browser (REKEY_PROBE_STATES, REKEY_PROBE_TRACE below).
 * `REKEY_PROBE_BUILDS=.output-a/chrome-mv3,.output-b/chrome-mv3 npx tsx bench/popup-probe.ts`
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, extensionDir } from '@/sandbox/browser/chromium';
import { removeProfileDir } from '@/sandbox/browser/profile-dir';
import { startTenant } from '@/sandbox/tenant';
import {
  baselineDir,
  configureForTenant,
  type ExtensionHandle,
  openSignedInPopup,
  type PaintSample,
  paintOnce,
  paintProbe,
  pingFrom,
  type ToolbarSample,
  toolbarPopupOnce,
  watchWorkers,
} from './browser';
import { formatInterval, medianRatioInterval } from './ratio';
import { summarize } from './types';

const builds = (process.env.REKEY_PROBE_BUILDS ?? extensionDir).split(',').map((dir) => resolve(dir));
const mode = process.env.REKEY_PROBE_MODE ?? 'first-open';
const launches = Number(process.env.REKEY_PROBE_LAUNCHES ?? 8);
const runs = Number(process.env.REKEY_PROBE_RUNS ?? 15);
const signedIn = process.env.REKEY_PROBE_SIGNED_IN === '1';
/** Tabs mode: REKEY_PROBE_NOT_CONFIGURED=1 measures the not-configured popup (no tenant, no sign-in) instead. */
const notConfigured = process.env.REKEY_PROBE_NOT_CONFIGURED === '1';
const traceDir = process.env.REKEY_PROBE_TRACE;
/**
 * Toolbar mode: the worker states to run, REKEY_PROBE_STATES=cold (default: the row furthest from the goal), warm, or
 * both. On 2026-12-04 Chromium went away under about a third of the signed-in toolbar runs, of this probe and of
 * bench/toolbar-probe.ts alike ("Target page, context or browser has been closed"): run again.
 */
const states = (process.env.REKEY_PROBE_STATES ?? 'cold').split(',').map((state) => state === 'cold');
const traces = Number(process.env.REKEY_PROBE_TRACES ?? 3);

/** Chromium's id of an unpacked extension: the SHA-256 of its path, first 32 hex digits written a–p. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}
const handle = (dir: string): ExtensionHandle => ({ id: unpackedId(dir), origin: `chrome-extension://${unpackedId(dir)}` });
const rekeys = builds.map(handle);
const baseline = handle(baselineDir);

async function launch(profile: string): Promise<BrowserContext> {
  const all = [...builds, baselineDir].join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    // --enable-unsafe-extension-debugging: CDP's Extensions.triggerAction, the toolbar button's click (toolbar mode).
    args: [...chromiumArgs, '--enable-unsafe-extension-debugging', `--disable-extensions-except=${all}`, `--load-extension=${all}`],
    viewport: { width: 360, height: 600 },
  });
  await context.addInitScript({ content: paintProbe });
  return context;
}

const steps = [
  'rekey:frame-script',
  'rekey:layout-decided',
  'rekey:kept-state-read',
  'rekey:still-true-read',
  'rekey:first-frame',
  'rekey:module-start',
];
const round = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(1));

function print(name: string, samples: PaintSample[], base: PaintSample[]): void {
  const content = summarize(samples.map((s) => s.content));
  const live = summarize(samples.map((s) => s.live ?? Number.NaN));
  const baseContent = summarize(base.map((s) => s.content));
  console.log(
    `${name}: first screen ${round(content.median)} ms (${(content.median / baseContent.median).toFixed(2)}× ${formatInterval(
      medianRatioInterval(
        samples.map((s) => s.content),
        base.map((s) => s.content),
      ),
    )}), live ${round(live.median)} ms (${(live.median / baseContent.median).toFixed(2)}×), frames ${samples.filter((s) => s.frame).length}/${samples.length}`,
  );
  const medians = steps.map(
    (step) => `${step.replace('rekey:', '')}=${round(summarize(samples.map((s) => s.marks?.[step] ?? Number.NaN)).median)}`,
  );
  console.log(`  step medians: ${medians.join(' ')} fcp=${round(summarize(samples.map((s) => s.fcp)).median)}`);
  // Within each sample, so that the page's own start (the same code in every build) drops out.
  const after = (value: (s: PaintSample) => number | undefined) =>
    round(summarize(samples.map((s) => (value(s) ?? Number.NaN) - s.content)).median);
  const between = (from: string, to: string) =>
    round(summarize(samples.map((s) => (s.marks?.[to] ?? Number.NaN) - (s.marks?.[from] ?? Number.NaN))).median);
  console.log(
    `  steps (median of each sample's own): localStorage ${between('rekey:layout-decided', 'rekey:kept-state-read')} cookies ${between('rekey:kept-state-read', 'rekey:still-true-read')} frame script to frame ${between('rekey:frame-script', 'rekey:first-frame')}`,
  );
  console.log(
    `  after the first screen (median of each sample's own): fcp +${after((s) => s.fcp)} module-start +${after((s) => s.marks?.['rekey:module-start'])} live +${after((s) => s.live)}`,
  );
  for (const s of samples) {
    const marks = steps.map((step) => `${step.replace('rekey:', '')}=${round(s.marks?.[step])}`).join(' ');
    console.log(`  content=${round(s.content)} fcp=${round(s.fcp)} live=${round(s.live)} screen=${s.screen} ${marks}`);
  }
}

/** A page of `extension` that runs no script of its own (the empty extension's popup, Rekey's icon), kept open for pingFrom. */
async function quietPage(context: BrowserContext, extension: ExtensionHandle) {
  const page = await context.newPage();
  await page.goto(`${extension.origin}/${extension === baseline ? 'popup.html' : 'icon/128.png'}`);
  return page;
}

function printToolbar(name: string, samples: ToolbarSample[], base: ToolbarSample[]): void {
  const value = summarize(samples.map((s) => s.value));
  const baseValue = summarize(base.map((s) => s.value));
  const median = (list: ToolbarSample[], of: (s: ToolbarSample) => number | undefined) =>
    round(summarize(list.map((s) => of(s) ?? Number.NaN)).median);
  console.log(
    `${name}: first screen ${round(value.median)} ms vs empty ${round(baseValue.median)} ms (${(value.median / baseValue.median).toFixed(2)}× ${formatInterval(
      medianRatioInterval(
        samples.map((s) => s.value),
        base.map((s) => s.value),
      ),
    )}), frames ${samples.filter((s) => s.frame).length}/${samples.length}, screens ${[...new Set(samples.map((s) => `${s.screen} ${s.size.join('x')}`))].join(', ')}`,
  );
  console.log(
    `  medians: fcp ${median(samples, (s) => s.fcp)} (empty ${median(base, (s) => s.fcp)}) load ${median(samples, (s) => s.loadEventEnd)} (empty ${median(base, (s) => s.loadEventEnd)}) fcp after load ${median(samples, (s) => s.fcp - (s.loadEventEnd ?? Number.NaN))} (empty ${median(base, (s) => s.fcp - (s.loadEventEnd ?? Number.NaN))}) live ${median(samples, (s) => s.marks['rekey:first-screen'])}`,
  );
}

/**
 * Toolbar mode with REKEY_PROBE_TRACE=dir: REKEY_PROBE_TRACES (default 3) CDP traces of one stopped-worker toolbar
 * popup of each build and of the empty page, in turn, written as dir/<build index or "empty">-<n>.json (read them in
 * a trace viewer: the popup renderer's first layout, its raster tasks, its font lookups).
 */
async function traceToolbar(context: BrowserContext, workers: Awaited<ReturnType<typeof watchWorkers>>, ids: string[]) {
  mkdirSync(traceDir!, { recursive: true });
  const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  const categories = ['devtools.timeline', 'toplevel', 'loading', 'blink', 'cc', 'viz', 'gpu', 'v8', 'fonts', 'mojom'];
  for (let n = 0; n < traces; n++) {
    for (let side = 0; side <= rekeys.length; side++) {
      await workers.stop(ids);
      const events: unknown[] = [];
      const collect = (event: { value: unknown[] }) => events.push(...event.value);
      cdp.on('Tracing.dataCollected', collect);
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories } } as never);
      const extension = side === rekeys.length ? baseline : rekeys[side]!;
      const sample = await toolbarPopupOnce({ context } as never, extension, side < rekeys.length, 'popup.html');
      const done = new Promise((resolveDone) => cdp.once('Tracing.tracingComplete', resolveDone));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', collect);
      const name = side === rekeys.length ? 'empty' : String(side);
      writeFileSync(join(traceDir!, `${name}-${n}.json`), JSON.stringify({ traceEvents: events, sample }));
      console.log(`trace ${name}-${n}: first screen ${sample.value} ms, ${events.length} events`);
    }
  }
}

const profile = mkdtempSync(join(tmpdir(), 'rekey-popup-probe-'));
const tenant = await startTenant({ port: 0, statusDelayMs: 0 });
try {
  // Every build opened once (and, for signed-in rows, configured and signed in): the profile every later start finds.
  let context = await launch(profile);
  for (const rekey of rekeys) {
    if (signedIn || (mode !== 'first-open' && !notConfigured)) {
      await configureForTenant({ context, rekey } as never, tenant);
      await (await openSignedInPopup({ context, rekey } as never, 'alice', 'Alice-Sandbox-1')).close();
    } else {
      await paintOnce({ context }, `${rekey.origin}/popup.html`, false);
    }
  }
  const samples = rekeys.map(() => [] as PaintSample[]);
  const base: PaintSample[] = [];
  if (mode === 'first-open') {
    await context.close();
    for (let run = 0; run < launches; run++) {
      for (let side = 0; side <= rekeys.length; side++) {
        context = await launch(profile);
        try {
          if (side === rekeys.length) {
            base.push(await paintOnce({ context }, `${baseline.origin}/popup.html`, false));
            continue;
          }
          const sample = await paintOnce({ context }, `${rekeys[side]!.origin}/popup.html`, false);
          if (sample.screen !== 'signed-out' && signedIn) throw new Error(`First popup after a start showed ${sample.screen}`);
          samples[side]!.push(sample);
          if (signedIn) await (await openSignedInPopup({ context, rekey: rekeys[side] } as never, 'alice', 'Alice-Sandbox-1')).close();
        } finally {
          await context.close();
        }
      }
    }
    for (const [index, rekey] of builds.entries()) print(`first open, ${rekey}`, samples[index]!, base);
  } else if (mode === 'toolbar') {
    const workers = await watchWorkers(context);
    const ids = [...rekeys, baseline].map((extension) => extension.id);
    for (const cold of states) {
      const all = rekeys.map(() => [] as ToolbarSample[]);
      const empty: ToolbarSample[] = [];
      const pingPages = cold ? [] : await Promise.all([...rekeys, baseline].map((extension) => quietPage(context, extension)));
      const prepare = async () => {
        if (cold) await workers.stop(ids);
        else for (const page of pingPages) await pingFrom(page);
      };
      // As toolbarPopupRows: a popup closed before it was read, or a click refused while the previous popup was going
      // away, is tried again (at most twice).
      const once = async (side: number): Promise<ToolbarSample> => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await toolbarPopupOnce(
              { context } as never,
              side === rekeys.length ? baseline : rekeys[side]!,
              side < rekeys.length,
              'popup.html',
            );
          } catch (error) {
            if (attempt >= 2 || !/has been closed|cannot retrieve host/.test(String(error))) throw error;
          }
        }
      };
      // One unmeasured popup each, so all start with their files in the disk cache.
      for (let side = 0; side <= rekeys.length; side++) await once(side);
      for (let run = 0; run < runs; run++) {
        for (let turn = 0; turn <= rekeys.length; turn++) {
          const side = (run + turn) % (rekeys.length + 1);
          await prepare();
          const sample = await once(side);
          if (side === rekeys.length) empty.push(sample);
          else all[side]!.push(sample);
        }
      }
      await Promise.all(pingPages.map((page) => page.close()));
      for (const [index, rekey] of builds.entries())
        printToolbar(`toolbar, signed in, ${cold ? 'stopped' : 'warm'}, ${rekey}`, all[index]!, empty);
    }
    if (traceDir) await traceToolbar(context, workers, ids);
    await context.close();
  } else {
    const workers = await watchWorkers(context);
    const ids = [...rekeys, baseline].map((extension) => extension.id);
    for (const cold of [false, true]) {
      const all = rekeys.map(() => [] as PaintSample[]);
      const empty: PaintSample[] = [];
      const pingPages = await Promise.all([...rekeys, baseline].map((extension) => quietPage(context, extension)));
      const prepare = async () => {
        if (cold) await workers.stop(ids);
        else for (const page of pingPages) await pingFrom(page);
      };
      if (cold) await Promise.all(pingPages.map((page) => page.close()));
      for (let run = 0; run < runs; run++) {
        // Each run visits the pages in a rotated order, so that no build always follows the empty page.
        for (let turn = 0; turn <= rekeys.length; turn++) {
          const side = (run + turn) % (rekeys.length + 1);
          await prepare();
          if (side === rekeys.length) empty.push(await paintOnce({ context }, `${baseline.origin}/popup.html`, false));
          else all[side]!.push(await paintOnce({ context }, `${rekeys[side]!.origin}/popup.html`, false));
        }
      }
      if (!cold) await Promise.all(pingPages.map((page) => page.close()));
      const state = notConfigured ? 'not configured' : 'signed in';
      for (const [index, rekey] of builds.entries()) print(`tab, ${state}, ${cold ? 'stopped' : 'warm'}, ${rekey}`, all[index]!, empty);
    }
    await context.close();
  }
} finally {
  await tenant.stop();
  removeProfileDir(profile);
}

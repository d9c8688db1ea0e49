/**
 * Worker cold start of several extensions side by side in one Chromium: for finding what a start costs, by loading
 * probe builds (a copy of an extension with one thing changed) beside each other and comparing their medians.
 *
 *   npx tsx bench/worker-probes.ts [--runs 40] [--trace out-dir] <extension dir>...
 *
 * Each directory needs a script-free page the ping is sent from: `quiet.html` if it has one, else `icon/128.png`.
 * Every run stops all workers before each ping and visits the extensions in a rotated order (no extension always
 * goes first after a stop). `--trace` also records one CDP trace of a cold ping per extension and prints, from it, the
 * scripts Chrome handed the starting worker (each one's size and its install-time code cache) and the cache it consumed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '@/sandbox/browser/chromium';
import { removeProfileDir } from '@/sandbox/browser/profile-dir';
import { pingFrom, watchWorkers } from './browser';
import { summarize } from './types';

/** Chromium's id for an unpacked extension without a manifest key: the SHA-256 of its path, as letters a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let runs = 40;
  let traceDir: string | undefined;
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--runs') runs = Number(args[++i]);
    else if (arg === '--trace') traceDir = resolve(args[++i] ?? 'traces');
    else dirs.push(resolve(arg));
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'rekey-probes-'));
  const list = dirs.join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, `--disable-extensions-except=${list}`, `--load-extension=${list}`],
  });
  try {
    const { cdp, stop } = await watchWorkers(context);
    const probes: { dir: string; id: string; page: Page; name: string; cold: number[] }[] = [];
    for (const dir of dirs) {
      const id = unpackedExtensionId(dir);
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${existsSync(join(dir, 'quiet.html')) ? 'quiet.html' : 'icon/128.png'}`);
      await pingFrom(page); // installed and running before the first stop
      probes.push({ dir, id, page, name: basename(dir), cold: [] as number[] });
    }
    const ids = probes.map((p) => p.id);
    await new Promise((done) => setTimeout(done, 2000));
    for (let run = 0; run < runs; run++) {
      for (let k = 0; k < probes.length; k++) {
        const probe = probes[(run + k) % probes.length]!;
        await stop(ids);
        probe.cold.push(await pingFrom(probe.page));
      }
    }
    const first = probes[0]!;
    const floor = summarize(first.cold).median;
    console.log(
      `runs ${runs}; ratios to ${first.name}; paired = median of each round's difference to ${first.name}; vs previous = the same to the directory listed before it (a build and the one it changed)`,
    );
    const signed = (ms: number) => `${ms >= 0 ? '+' : ''}${ms.toFixed(2)} ms`;
    const pairedMedian = (a: number[], b: number[]) => summarize(a.map((ms, run) => ms - (b[run] ?? 0))).median;
    for (const [index, probe] of probes.entries()) {
      const s = summarize(probe.cold);
      const previous = index > 1 ? probes[index - 1]! : undefined;
      console.log(
        `${probe.name.padEnd(28)} median ${s.median.toFixed(2).padStart(6)} ms  p95 ${s.p95.toFixed(2).padStart(6)}  min ${s.min.toFixed(2).padStart(6)}  ${(s.median / floor).toFixed(3)}×  paired ${signed(pairedMedian(probe.cold, first.cold))}${previous ? `  vs ${previous.name} ${signed(pairedMedian(probe.cold, previous.cold))}` : ''}`,
      );
    }
    if (traceDir) {
      mkdirSync(traceDir, { recursive: true });
      for (const probe of probes) {
        await stop(ids);
        const chunks: unknown[] = [];
        const collect = (event: { value: unknown[] }) => chunks.push(...event.value);
        cdp.on('Tracing.dataCollected', collect);
        await cdp.send('Tracing.start', {
          traceConfig: {
            includedCategories: [
              'v8',
              'v8.compile',
              'devtools.timeline',
              'ServiceWorker',
              'disabled-by-default-v8.compile',
              'toplevel',
              'extensions',
              'ipc',
              'mojom',
              'loading',
              // PROBE_CPU=1: the worker's JavaScript, sampled every 100 µs.
              ...(process.env.PROBE_CPU ? ['disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.cpu_profiler.hires'] : []),
            ],
          },
        } as never);
        const ms = await pingFrom(probe.page);
        const done = new Promise((resolveDone) => cdp.once('Tracing.tracingComplete', resolveDone));
        await cdp.send('Tracing.end');
        await done;
        cdp.off('Tracing.dataCollected', collect);
        writeFileSync(join(traceDir, `${probe.name}.json`), JSON.stringify({ traceEvents: chunks }));
        console.log(`trace ${probe.name}: ${ms.toFixed(2)} ms, ${chunks.length} events; ${installedScripts(chunks as TraceEvent[])}`);
      }
    }
  } finally {
    await context.close();
    removeProfileDir(userDataDir);
  }
}

interface TraceEvent {
  name: string;
  ts: number;
  args?: {
    script_url?: string;
    body_size?: number;
    meta_data_size?: number;
    data?: { url?: string; consumedCacheSize?: number; cacheRejected?: boolean };
  };
}

/**
 * What Chrome handed the starting worker, from its trace: each installed script's size and the size of the code cache
 * it compiled of it at install (sent at every start, imported or not), and how much of a cache the worker consumed.
 */
export function installedScripts(events: TraceEvent[]): string {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const sent: string[] = [];
  let url = '';
  for (const event of sorted) {
    if (event.name === 'ServiceWorkerInstalledScriptsSender::StartSendingScript' && event.args?.script_url) url = event.args.script_url;
    // Flow events of the same names carry no arguments.
    if (event.name === 'ServiceWorkerInstalledScriptsSender::OnStarted' && event.args?.body_size !== undefined) {
      const kb = (bytes = 0) => `${(bytes / 1024).toFixed(1)} kB`;
      sent.push(`${url.split('/').pop()} ${kb(event.args?.body_size)} + code cache ${kb(event.args?.meta_data_size)}`);
    }
  }
  const consumed = sorted
    .filter((e) => e.name === 'v8.compile' && e.args?.data?.consumedCacheSize !== undefined)
    .map(
      (e) =>
        `${e.args?.data?.url?.split('/').pop()} ${((e.args?.data?.consumedCacheSize ?? 0) / 1024).toFixed(1)} kB${e.args?.data?.cacheRejected ? ' (rejected)' : ''}`,
    );
  return `installed: ${sent.join(', ') || 'none reported'}; cache consumed: ${consumed.join(', ') || 'none'}`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();

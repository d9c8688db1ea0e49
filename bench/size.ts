import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { outputDir } from '@/sandbox/browser/build-dir';
import type { BenchSection } from './types';

const outDir = resolve(outputDir, 'chrome-mv3');

/** The product's size goals. */
export const budgets = {
  popupInitialGzip: 20 * 1024,
  cryptoChunkGzip: 2 * 1024,
  /** The watcher that runs on every watched page (expiry-watch.js); the classifier it asks for loads lazily. */
  contentScriptGzip: 6 * 1024,
  /** What a worker start loads (background.js); code only some events need is in worker chunks loaded on first use. */
  backgroundMinified: 40 * 1024,
} as const;

/**
 * What `npm test` enforces (test/unit/budgets.test.ts). Equal to the goals where Rekey meets
 * them; where it does not yet (background, content script) the ceiling is today's size plus a
 * small margin, so any growth fails the build while the README reports the gap to the goal.
 */
export const enforcedBudgets = {
  popupInitialGzip: budgets.popupInitialGzip,
  cryptoChunkGzip: budgets.cryptoChunkGzip,
  contentScriptGzip: budgets.contentScriptGzip,
  /**
   * Below the 40 kB goal: rare events' code and the schemas of requests whose handlers need it are in the worker's
   * chunks (31.6 kB measured, with the table of what it shares with the chunks' file), so growth back fails early.
   */
  backgroundMinified: 32 * 1024,
  /**
   * Every script Chrome's worker installs (background.js and the chunks' file, 88.6 kB measured): Chrome hands each of
   * them, with the code cache it compiled of it at install, to every worker start, imported or not, so their bytes in
   * all are what a start pays for.
   */
  workerScriptsMinified: 89.5 * 1024,
  /**
   * The expiry classifier, injected only into a page whose text looks relevant (172.6 kB gz measured, most of it the
   * phrase rows with their concept words): a ceiling so new rows are a decision, not drift. Raised from 172 to 174 kB
   * for Auth0 Lock's sign-in error in its 44 languages (+1.9 kB gz; it found 18 of them before, 44 after), and to 176 kB
   * for JumpServer's sign-in errors and dated warning in its nine languages (+2.3 kB gz with this round's rules; its
   * zh-CN, ru, ko, es pages read as their messages say, test/unit/expiry-messages.test.ts), and to 177 kB for
   * Nextcloud LDAP's expiry warning in 21 more languages (+1.1 kB gz; held-out precision 0.986 → 1.000).
   */
  expiryClassifierGzip: 177 * 1024,
} as const;

export interface BundleSizes {
  popupInitial: { raw: number; gzip: number; files: string[] };
  optionsInitial: { raw: number; gzip: number; files: string[] };
  background: { raw: number; gzip: number };
  /** The script every watched page loads. */
  contentScript: { raw: number; gzip: number } | null;
  /** Content scripts injected only on demand (the expiry classifier). */
  injectedScripts: { file: string; raw: number; gzip: number }[];
  lazyChunks: { file: string; raw: number; gzip: number; kind: string }[];
  /** The worker's chunks (worker-*.js), loaded on first use (entrypoints/background/chunks.ts). */
  workerChunks: { file: string; raw: number; gzip: number }[];
}

const WATCHER = 'expiry-watch.js';

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Follows the static imports of an HTML entry: what the browser must load before first paint. */
function initialScripts(htmlFile: string): string[] {
  const html = readFileSync(join(outDir, htmlFile), 'utf8');
  const seen = new Set<string>();
  // data-module: the popup's module script, which popup-frame.js starts (scripts/module-after-frame.ts).
  const queue = [...html.matchAll(/(?:src|href|data-module)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(outDir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["']\.\/?([^"']+\.js)["']/g)) {
      queue.push(join(file, '..', m[1]!).replace(/^\.\//, ''));
    }
  }
  return [...seen];
}

function sum(files: string[]) {
  return {
    raw: files.reduce((n, f) => n + statSync(join(outDir, f)).size, 0),
    gzip: files.reduce((n, f) => n + gz(join(outDir, f)), 0),
    files,
  };
}

export function measureBundles(): BundleSizes {
  const popup = initialScripts('popup.html');
  const options = initialScripts('options.html');
  const chunks = readdirSync(join(outDir, 'chunks')).map((f) => `chunks/${f}`);
  const lazy = chunks
    .filter((f) => !popup.includes(f) && !options.includes(f))
    .map((file) => {
      // Vite names each lazy chunk after the module it splits off (crypto-…, zxcvbn-…, breach-…).
      const kind = (file.split('/').pop() ?? file).replace(/-[\w-]{8}\.js$/, '');
      return { file, raw: statSync(join(outDir, file)).size, gzip: gz(join(outDir, file)), kind };
    });
  const contentDir = join(outDir, 'content-scripts');
  let contentScript: BundleSizes['contentScript'] = null;
  let injectedScripts: BundleSizes['injectedScripts'] = [];
  try {
    const files = readdirSync(contentDir).filter((f) => f.endsWith('.js'));
    const size = (f: string) => ({ raw: statSync(join(contentDir, f)).size, gzip: gz(join(contentDir, f)) });
    // The watcher is what every watched page pays for; anything else under content-scripts/ is injected on demand.
    contentScript = files.includes(WATCHER) ? size(WATCHER) : null;
    injectedScripts = files.filter((f) => f !== WATCHER).map((f) => ({ file: `content-scripts/${f}`, ...size(f) }));
  } catch {
    contentScript = null;
  }
  const background = join(outDir, 'background.js');
  const workerChunks = readdirSync(outDir)
    .filter((f) => /^worker-[\w-]+\.js$/.test(f))
    .map((file) => ({ file, raw: statSync(join(outDir, file)).size, gzip: gz(join(outDir, file)) }));
  return {
    workerChunks,
    popupInitial: sum(popup),
    optionsInitial: sum(options),
    background: { raw: statSync(background).size, gzip: gz(background) },
    contentScript,
    injectedScripts,
    lazyChunks: lazy,
  };
}

/** One module's share of the worker, as bench/module-sizes.ts recorded it at build time. */
interface ModuleShare {
  id: string;
  bytes: number;
}

/** Packages count as one contributor (node_modules/<name> or node_modules/@scope/<name>); our own code by module. */
function contributorOf(id: string): string {
  const parts = id.split('/');
  const at = parts.indexOf('node_modules');
  if (at < 0) return id;
  return parts.slice(at, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join('/');
}

/**
 * What the worker is made of. Rollup/Rolldown report each module's rendered length before minification; each
 * contributor's minified size is estimated as its share of that, times the minified file's real size.
 */
export function workerContributors(top = 15): { rows: BenchSection['rows']; renderedTotal: number } | null {
  const file = join(outputDir, 'background-modules.json');
  let modules: ModuleShare[];
  try {
    modules = (JSON.parse(readFileSync(file, 'utf8')) as { modules: ModuleShare[] }).modules;
  } catch {
    return null;
  }
  const minified = statSync(join(outDir, 'background.js')).size;
  const renderedTotal = modules.reduce((n, m) => n + m.bytes, 0);
  const byContributor = new Map<string, number>();
  for (const m of modules) byContributor.set(contributorOf(m.id), (byContributor.get(contributorOf(m.id)) ?? 0) + m.bytes);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const rows = [...byContributor.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([contributor, bytes]) => ({
      contributor,
      'rendered (before minify)': kb(bytes),
      share: `${((bytes / renderedTotal) * 100).toFixed(1)}%`,
      '≈ minified': kb((bytes / renderedTotal) * minified),
    }));
  return { rows, renderedTotal };
}

export default async function runSizeBench(): Promise<BenchSection[]> {
  const sizes = measureBundles();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const verdict = (value: number, budget: number) =>
    value <= budget ? `ok (${Math.round((value / budget) * 100)}%)` : `OVER by ${kb(value - budget)}`;
  const rows: BenchSection['rows'] = [
    {
      bundle: 'popup initial JS',
      size: `${kb(sizes.popupInitial.gzip)} gz`,
      budget: `${kb(budgets.popupInitialGzip)} gz`,
      verdict: verdict(sizes.popupInitial.gzip, budgets.popupInitialGzip),
    },
    ...sizes.lazyChunks.map((c) => ({
      bundle: `lazy ${c.kind} (${c.file})`,
      size: `${kb(c.gzip)} gz`,
      budget: c.kind === 'crypto' ? `${kb(budgets.cryptoChunkGzip)} gz` : '—',
      verdict: c.kind === 'crypto' ? verdict(c.gzip, budgets.cryptoChunkGzip) : '',
    })),
    { bundle: 'options initial JS', size: `${kb(sizes.optionsInitial.gzip)} gz`, budget: '—', verdict: '' },
    {
      bundle: 'background.js',
      size: `${kb(sizes.background.raw)} min / ${kb(sizes.background.gzip)} gz`,
      budget: `${kb(budgets.backgroundMinified)} min`,
      verdict: verdict(sizes.background.raw, budgets.backgroundMinified),
    },
    ...sizes.workerChunks.map((c) => ({
      bundle: `worker chunk on first use (${c.file})`,
      size: `${kb(c.raw)} min / ${kb(c.gzip)} gz`,
      budget: '—',
      verdict: '',
    })),
    ...(sizes.contentScript
      ? [
          {
            bundle: 'content script (expiry watcher, every watched page)',
            size: `${kb(sizes.contentScript.gzip)} gz`,
            budget: `${kb(budgets.contentScriptGzip)} gz`,
            verdict: verdict(sizes.contentScript.gzip, budgets.contentScriptGzip),
          },
        ]
      : []),
    ...sizes.injectedScripts.map((script) => ({
      bundle: `injected on demand (${script.file})`,
      size: `${kb(script.gzip)} gz`,
      budget: '—',
      verdict: '',
    })),
  ];
  const sections: BenchSection[] = [
    { title: 'Bundle sizes (Chrome MV3 build, gzip -9)', columns: ['bundle', 'size', 'budget', 'verdict'], rows },
  ];
  const contributors = workerContributors();
  sections.push({
    title: 'What the worker (background.js) is made of: top contributors',
    columns: ['contributor', 'rendered (before minify)', 'share', '≈ minified'],
    rows: contributors?.rows ?? [],
    notes: [
      contributors
        ? `From ${join(outputDir, 'background-modules.json')}, written at build time by bench/module-sizes.ts (a Vite plugin in wxt.config.ts) from each module's rendered length in the background chunk (${kb(contributors.renderedTotal)} before minification, ${kb(sizes.background.raw)} minified); "≈ minified" is the module's share of the real minified file.`
        : "No background-modules.json beside the build: build with this repository's wxt.config.ts.",
    ],
  });
  return sections;
}

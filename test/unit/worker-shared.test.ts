import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shareModulesWithChunks, workerShared, workerSharedKey } from '@/entrypoints/background/worker-shared';
import { outputDir } from '@/sandbox/browser/build-dir';
import { readSharedModules, workerSharedModules } from '@/scripts/worker-shared-modules';

/**
 * Chrome hands a starting worker every script it installed (with the code cache it compiled of each), so the worker's
 * chunks' file does not bundle again what background.js has: background.js puts the shared functions and values on
 * one global, and the chunks' build (Chrome) replaces each module they come from with one that reads them from there.
 * Firefox's background page runs the chunks before background.js: its chunks keep their own copy.
 */

const root = resolve(import.meta.dirname, '../..');
const sharedFile = resolve(root, 'entrypoints/background/worker-shared.ts');

type PluginHooks = {
  buildStart(input: { input: unknown }): void;
  resolveId(this: unknown, source: string, importer?: string): Promise<string | null>;
  load(id: string): Promise<string | null>;
};

function chunksBuildPlugin(resolveTo?: (source: string) => string): PluginHooks {
  const hooks = workerSharedModules({ root, sharedFile, globalKey: workerSharedKey, entry: 'worker-chunks' }) as unknown as PluginHooks;
  hooks.buildStart({ input: ['virtual:wxt-unlisted-script-entrypoint?/entrypoints/worker-chunks.ts'] });
  const context = { resolve: async (source: string) => ({ id: resolveTo?.(source) ?? source }) };
  return { ...hooks, resolveId: (source, importer) => hooks.resolveId.call(context, source, importer) };
}

describe('what background.js shares with the worker chunks', () => {
  it("shares exactly the names its imports list, each one the module's own export, each name from one module", async () => {
    const read = readSharedModules(root, sharedFile);
    const names = [...read.values()].flatMap((module) => module.names);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(workerShared).sort()).toEqual([...names].sort());
    for (const [key, module] of read) {
      const exports: Record<string, unknown> = module.file ? await import(module.file) : await import(key);
      for (const name of module.names) expect(workerShared[name as keyof typeof workerShared]).toBe(exports[name]);
    }
  });

  it('puts them on the global the chunks read', () => {
    const scope = globalThis as Record<string, unknown>;
    try {
      shareModulesWithChunks();
      expect(scope[workerSharedKey]).toBe(workerShared);
    } finally {
      delete scope[workerSharedKey];
    }
  });

  it("replaces a shared package in the chunks' build only: shared names from the global, the rest from the package", async () => {
    const plugin = workerSharedModules({ root, sharedFile, globalKey: workerSharedKey, entry: 'worker-chunks' });
    const hooks = plugin as unknown as PluginHooks;
    hooks.buildStart({ input: ['virtual:wxt-background-entrypoint?/entrypoints/background/index.ts'] });
    expect(await hooks.resolveId.call({}, 'valibot', '/x.ts')).toBeNull();
    const chunks = chunksBuildPlugin();
    const id = await chunks.resolveId('valibot', '/x.ts');
    expect(id).toMatch(/valibot$/);
    // The replacement's own import of what is not shared reaches the real package.
    expect(await chunks.resolveId('valibot', id!)).toBeNull();
    const code = (await chunks.load(id!))!;
    expect(code).toContain(`globalThis["${workerSharedKey}"]`);
    expect(code).toContain('export { parse } from "valibot";');
  });

  it('calls a shared function through a wrapper marked free of side effects, so a schema the chunks never use is left out', async () => {
    const chunks = chunksBuildPlugin();
    const code = (await chunks.load((await chunks.resolveId('valibot', '/x.ts'))!))!;
    expect(code).toMatch(
      /\/\* @__NO_SIDE_EFFECTS__ \*\/ function (shared\d+)\(\.\.\.args\) \{ return module\["object"\]\(\.\.\.args\); \}\nexport \{ \1 as object \};/,
    );
  });

  it("replaces a shared local module however it is imported (relative, `@/`, or the absolute path Vite's alias makes of `@/`), and reads a shared value once", async () => {
    const types = resolve(root, 'utils/tracker/types.ts');
    const chunks = chunksBuildPlugin(() => types);
    const importer = resolve(root, 'utils/tracker/tracker.ts');
    for (const source of ['./types', '@/utils/tracker/types', types]) {
      expect(await chunks.resolveId(source, importer)).toBe('\0rekey-worker-shared:utils/tracker/types');
    }
    const code = (await chunks.load('\0rekey-worker-shared:utils/tracker/types'))!;
    expect(code).toMatch(
      /const (shared\d+) = \/\* @__PURE__ \*\/ \(\(\) => module\["defaultTrackerOptions"\]\)\(\);\nexport \{ \1 as defaultTrackerOptions \};/,
    );
    expect(code).toContain(`export { changeStates } from ${JSON.stringify(types)};`);
  });

  it('refuses a name shared from two modules (one namespace on the global)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'worker-shared-'));
    try {
      const file = join(dir, 'shared.ts');
      writeFileSync(file, "import { object } from 'valibot';\nimport { object } from './other';\n");
      expect(() => readSharedModules(dir, file)).toThrow(/"object" is shared twice/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the built worker chunks', () => {
  beforeAll(() => {
    if (!existsSync(resolve(outputDir, 'chrome-mv3/manifest.json'))) execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
    if (!existsSync(resolve(outputDir, 'firefox-mv3/manifest.json')))
      execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: root, stdio: 'ignore' });
  }, 240_000);

  // valibot's issue message ("Invalid type: Expected … but received …") lives in code every schema shares.
  const validationCode = /eceived \$\{/;

  it('Chrome: read valibot from background.js instead of bundling a copy of it', () => {
    const chunks = readFileSync(resolve(outputDir, 'chrome-mv3/worker-chunks.js'), 'utf8');
    expect(chunks).toContain(workerSharedKey);
    expect(chunks).not.toMatch(validationCode);
    expect(readFileSync(resolve(outputDir, 'chrome-mv3/background.js'), 'utf8')).toMatch(validationCode);
  });

  it('Chrome: read the shared local modules from background.js too, and build no schema they never use', () => {
    const chunks = readFileSync(resolve(outputDir, 'chrome-mv3/worker-chunks.js'), 'utf8');
    const firefoxChunks = readFileSync(resolve(outputDir, 'firefox-mv3/worker-chunks.js'), 'utf8');
    // The tracker's stored state is read through background.js's validation (the popup's state needs it there too).
    expect(chunks).toMatch(/\.parseTrackerState\(/);
    expect(firefoxChunks).not.toMatch(/\.parseTrackerState\(/);
    // An API schema only the options page uses (a digit token's settings): left out with valibot's own purity marks
    // (Firefox's chunks bundle valibot), and with the shared functions too.
    expect(firefoxChunks).not.toContain('durationMinutes');
    expect(chunks).not.toContain('durationMinutes');
  });

  it('Firefox: bundle their own (the background page runs them before background.js)', () => {
    const chunks = readFileSync(resolve(outputDir, 'firefox-mv3/worker-chunks.js'), 'utf8');
    expect(chunks).not.toContain(workerSharedKey);
    expect(chunks).toMatch(validationCode);
  });
});

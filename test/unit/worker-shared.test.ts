import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as valibot from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { shareModulesWithChunks, workerShared, workerSharedKey } from '@/entrypoints/background/worker-shared';
import { outputDir } from '@/sandbox/browser/build-dir';
import { readSharedModules, workerSharedModules } from '@/scripts/worker-shared-modules';

/**
 * Chrome hands a starting worker every script it installed, so the worker's chunks' file does not bundle again what
 * background.js has: background.js puts the shared valibot functions on one global, and the chunks' build (Chrome)
 * replaces valibot with a module that reads them from there. Firefox's background page runs the chunks before
 * background.js: its chunks keep their own copy.
 */

const root = resolve(import.meta.dirname, '../..');
const sharedFile = resolve(root, 'entrypoints/background/worker-shared.ts');

describe('modules background.js shares with the worker chunks', () => {
  it("shares exactly the valibot functions the chunks' build reads from it, each the function itself", () => {
    const read = readSharedModules(root, sharedFile);
    expect([...read.keys()]).toEqual(['valibot']);
    const names = read.get('valibot')!.names;
    expect(Object.keys(workerShared.valibot).sort()).toEqual([...names].sort());
    const fromValibot = new Map<string, unknown>(Object.entries(valibot));
    for (const [name, fn] of Object.entries(workerShared.valibot)) expect(fn).toBe(fromValibot.get(name));
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

  it("replaces valibot in the chunks' build only: shared names from the global, the rest from valibot itself", async () => {
    const plugin = workerSharedModules({ root, sharedFile, globalKey: workerSharedKey, entry: 'worker-chunks' });
    const hooks = plugin as unknown as {
      buildStart(input: { input: unknown }): void;
      resolveId(this: unknown, source: string, importer?: string): Promise<string | null>;
      load(id: string): Promise<string | null>;
    };
    hooks.buildStart({ input: ['virtual:wxt-background-entrypoint?/entrypoints/background/index.ts'] });
    expect(await hooks.resolveId.call({}, 'valibot', '/x.ts')).toBeNull();
    hooks.buildStart({ input: ['virtual:wxt-unlisted-script-entrypoint?/entrypoints/worker-chunks.ts'] });
    const id = await hooks.resolveId.call({}, 'valibot', '/x.ts');
    expect(id).toMatch(/valibot$/);
    // The replacement's own import of what is not shared reaches the real package.
    expect(await hooks.resolveId.call({}, 'valibot', id!)).toBeNull();
    const code = (await hooks.load(id!))!;
    expect(code).toContain(`globalThis["${workerSharedKey}"]["valibot"]`);
    expect(code).toMatch(/module\["object"\]\)\(\);\s*export \{ shared\d+ as object \}/);
    expect(code).toContain('export { parse } from "valibot";');
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

  it('Firefox: bundle their own (the background page runs them before background.js)', () => {
    const chunks = readFileSync(resolve(outputDir, 'firefox-mv3/worker-chunks.js'), 'utf8');
    expect(chunks).not.toContain(workerSharedKey);
    expect(chunks).toMatch(validationCode);
  });
});

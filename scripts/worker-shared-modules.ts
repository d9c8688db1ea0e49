import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { transformSync } from 'esbuild';
import type { Plugin } from 'vite';

const prefix = '\0rekey-worker-shared:';

/** What background.js shares (entrypoints/background/worker-shared.ts): by module, the names it shares. */
export interface SharedModule {
  /** The module's file; none for a package (valibot). */
  file?: string;
  names: string[];
}

/**
 * Reads the shared file's named imports (`import { a, b } from '<module>'`), keyed by the module's path from the
 * project root without extension, or by package name.
 */
export function readSharedModules(root: string, sharedFile: string): Map<string, SharedModule> {
  const source = readFileSync(sharedFile, 'utf8');
  const modules = new Map<string, SharedModule>();
  for (const [, list, specifier] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    const names = (list ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name && !name.startsWith('type '));
    if (!specifier) continue;
    const local = specifier.startsWith('@/') || specifier.startsWith('.');
    if (!local) {
      modules.set(specifier, { names });
      continue;
    }
    const base = specifier.startsWith('@/') ? resolve(root, specifier.slice(2)) : resolve(dirname(sharedFile), specifier);
    modules.set(relative(root, base), { file: `${base}.ts`, names });
  }
  return modules;
}

/** A TypeScript module's value exports (types are erased). */
async function exportNames(file: string): Promise<string[]> {
  await init;
  const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm' });
  return parse(code)[1].map((e) => e.n);
}

/**
 * In the build of the worker's chunks' file (Chrome), the modules background.js shares are not bundled again: each is
 * replaced by a module that reads background.js's copy from a global (entrypoints/background/worker-shared.ts), which
 * background.js sets before the chunks can run (Chrome imports them at install, or on first use, both after
 * background.js's evaluation). Reads are pure, so what the chunks do not use is left out; what background.js does
 * not share is bundled into the chunks as before.
 */
export function workerSharedModules(options: { root: string; sharedFile: string; globalKey: string; entry: string }): Plugin {
  let active = false;
  let shared = new Map<string, SharedModule>();
  return {
    name: 'rekey:worker-shared-modules',
    apply: 'build',
    // Before Vite's own resolver, which would find the files.
    enforce: 'pre',
    buildStart(input) {
      active = JSON.stringify(input.input ?? '').includes(options.entry);
      if (active) shared = readSharedModules(options.root, options.sharedFile);
    },
    async resolveId(source, importer) {
      // The replacement's own import of what is not shared: the real module.
      if (!active || importer?.startsWith(prefix)) return null;
      if (shared.has(source) && !shared.get(source)!.file) return `${prefix}${source}`;
      if (!importer || !(source.startsWith('.') || source.startsWith('@/'))) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved) return null;
      const key = relative(options.root, resolved.id.replace(/\?.*$/, '')).replace(/\.tsx?$/, '');
      return shared.has(key) ? `${prefix}${key}` : null;
    },
    async load(id) {
      if (!id.startsWith(prefix)) return null;
      const key = id.slice(prefix.length);
      const module = shared.get(key)!;
      const all = module.file ? await exportNames(module.file) : Object.keys(await import(key));
      const sharedNames = new Set(module.names);
      const from = JSON.stringify(module.file ?? key);
      // What background.js does not share is bundled from the module itself, as without this plugin. Local names of
      // their own: valibot exports names that are reserved words (`enum`, `function`).
      return [
        `const module = /* @__PURE__ */ (() => globalThis[${JSON.stringify(options.globalKey)}][${JSON.stringify(key)}])();`,
        ...all.map((name, index) =>
          sharedNames.has(name)
            ? `const shared${index} = /* @__PURE__ */ (() => module[${JSON.stringify(name)}])();\nexport { shared${index} as ${name} };`
            : `export { ${name} } from ${from};`,
        ),
      ].join('\n');
    },
  };
}

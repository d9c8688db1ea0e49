import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
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
  const seen = new Set<string>();
  for (const [, list, specifier] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    const names = (list ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name && !name.startsWith('type '));
    if (!specifier) continue;
    // One namespace for every shared name (background.js's table stays small): a name may come from one module only.
    for (const name of names) {
      if (seen.has(name)) throw new Error(`${sharedFile}: "${name}" is shared twice; each shared name must be unique.`);
      seen.add(name);
    }
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

/** A TypeScript module's value exports (types are erased), and which of them are functions it declares. */
async function localExports(file: string): Promise<{ names: string[]; functions: Set<string> }> {
  await init;
  const source = readFileSync(file, 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'esm' });
  const functions = new Set([...source.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1] ?? ''));
  return { names: parse(code)[1].map((e) => e.n), functions };
}

/** A package's exports, and which of them are functions. */
async function packageExports(name: string): Promise<{ names: string[]; functions: Set<string> }> {
  const exports: Record<string, unknown> = await import(name);
  const names = Object.keys(exports);
  return { names, functions: new Set(names.filter((n) => typeof exports[n] === 'function')) };
}

/**
 * In the build of the worker's chunks' file (Chrome), the modules background.js shares are not bundled again: each is
 * replaced by a module that reads background.js's copies from a global (entrypoints/background/worker-shared.ts), which
 * background.js sets before the chunks can run (Chrome imports them at install, or on first use, both after
 * background.js's evaluation). What background.js does not share is bundled into the chunks as before. Imports by a
 * relative path, `@/…`, or the absolute path Vite's alias turns `@/…` into are all replaced.
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
      // Vite's alias has already made `@/…` absolute by the time this runs.
      if (!importer || !(source.startsWith('.') || source.startsWith('@/') || isAbsolute(source))) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved) return null;
      const key = relative(options.root, resolved.id.replace(/\?.*$/, '')).replace(/\.tsx?$/, '');
      return shared.has(key) ? `${prefix}${key}` : null;
    },
    async load(id) {
      if (!id.startsWith(prefix)) return null;
      const key = id.slice(prefix.length);
      const module = shared.get(key)!;
      const { names: all, functions } = module.file ? await localExports(module.file) : await packageExports(key);
      const sharedNames = new Set(module.names);
      const from = JSON.stringify(module.file ?? key);
      // What background.js does not share is bundled from the module itself, as without this plugin. Local names of
      // their own: valibot exports names that are reserved words (`enum`, `function`). A shared function is called
      // through a wrapper marked free of side effects, as valibot marks its own: a schema the chunks build at their
      // top level and never use is then left out, as it would be with the bundled module (a plain read from the
      // global gives the bundler no such knowledge, and it kept every unused schema's construction).
      return [
        `const module = /* @__PURE__ */ (() => globalThis[${JSON.stringify(options.globalKey)}])();`,
        ...all.map((name, index) => {
          if (!sharedNames.has(name)) return `export { ${name} } from ${from};`;
          const read = `module[${JSON.stringify(name)}]`;
          const local = functions.has(name)
            ? `/* @__NO_SIDE_EFFECTS__ */ function shared${index}(...args) { return ${read}(...args); }`
            : `const shared${index} = /* @__PURE__ */ (() => ${read})();`;
          return `${local}\nexport { shared${index} as ${name} };`;
        }),
      ].join('\n');
    },
  };
}

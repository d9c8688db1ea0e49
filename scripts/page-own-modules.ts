import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * One HTML page's JavaScript in its own files, sharing no chunk with the other pages. Rollup/Rolldown put each module
 * in one chunk only, so a module two pages import (Preact, the translator, the worker seam, …) goes to a chunk both
 * pages load: the popup loaded its entry and that chunk, two requests and two compilations before its first paint.
 * Here every module the page's graph reaches is given an id of its own (the file's path with a query naming the page),
 * so the bundler sees different modules and writes the page's copies into the page's entry chunk (its lazy chunks stay
 * lazy and import what they share with the first screen from that entry chunk). The other pages keep the original
 * modules and their chunks. Copied: script modules, stylesheets (a shared one became an empty shared script chunk)
 * and the bundler's virtual modules (Vite's dynamic-import preloader, WXT's page plugins). Not copied: ids with a
 * query of their own (it means something to Vite) and other files (JSON, images), which are no chunks.
 */

const scriptModule = /\.(?:m?[jt]sx?|cjs|css)$/;

/** The id the page's copy of `id` gets; `undefined` for what stays shared (ids with a query, files that are no modules). */
export function ownModuleId(id: string, marker: string): string | undefined {
  if (id.includes('?') || !(id.startsWith('\0') || scriptModule.test(id))) return undefined;
  return `${id}?${marker}`;
}

/** The file a page's copy was made from: `id` without the page's query; `undefined` for any other id. */
export function originalModuleId(id: string, marker: string): string | undefined {
  const suffix = `?${marker}`;
  return id.endsWith(suffix) ? id.slice(0, -suffix.length) : undefined;
}

/** Vite plugin: the page `page` (an HTML file relative to `root`) imports its own copy of every script module. */
export function pageOwnModules(options: { root: string; page: string; marker: string }): Plugin {
  const pageFile = resolve(options.root, options.page);
  return {
    name: 'rekey:page-own-modules',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, resolveOptions) {
      if (!importer) return null;
      const from = originalModuleId(importer, options.marker) ?? importer;
      // The page's own scripts, and whatever a copy imports, become copies too.
      if (from === importer && importer.split('?')[0] !== pageFile) return null;
      const resolved = await this.resolve(source, from, { ...resolveOptions, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const own = ownModuleId(resolved.id, options.marker);
      return own === undefined ? resolved : { ...resolved, id: own };
    },
    async load(id) {
      const file = originalModuleId(id, options.marker);
      if (file === undefined) return null;
      if (!file.startsWith('\0')) return await readFile(file, 'utf8');
      const info = await this.load({ id: file });
      return info.code ?? null;
    },
  };
}

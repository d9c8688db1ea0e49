import type { NetworkChunk } from './network-chunk';
import type { PageChunk } from './page-chunk';
import type { RareChunk } from './rare-chunk';
import type { RequestsChunk } from './requests-chunk';

/**
 * Worker code that only some events need, in script files of its own, so that the worker most events wake (a ping, a
 * popup showing the state, a page's report) starts with less to load: Chrome compiles and caches all of background.js
 * at every start, whether its code runs or not.
 *
 * Chrome: a service worker may call importScripts() after its first evaluation only for a script it already
 * imported while installing (checked on Chromium 156; a new script then throws NetworkError, and import() is not
 * allowed in service workers at all). So the install event imports the chunks' file once, and each later worker life
 * imports it, from the installed copy, the first time it needs one of them.
 * Firefox: the background page lists the chunks' file before background.js (wxt.config.ts), so they are there.
 *
 * All chunks are in ONE file: Chrome hands a starting worker every script it installed, whether that life imports it
 * or not, and each installed file costs the start on its own (measured: three files cost ~0.8 ms more than the same
 * code in one), so do its bytes (modules the chunks share are bundled once in one file, three times in three).
 */
export interface WorkerChunks {
  network: NetworkChunk;
  page: PageChunk;
  rare: RareChunk;
  requests: RequestsChunk;
}

export type ChunkName = keyof WorkerChunks;
export type ChunkLoader = <K extends ChunkName>(name: K) => WorkerChunks[K];

/** The chunks' file: an unlisted script (entrypoints/worker-chunks.ts) that registers every chunk. */
export const chunksFile = '/worker-chunks.js';

const registryKey = '__rekeyWorkerChunks';

type Registry = Partial<WorkerChunks>;

function registry(): Registry {
  const scope = globalThis as { [registryKey]?: Registry };
  scope[registryKey] ??= {};
  return scope[registryKey];
}

function workerImportScripts(): ((...urls: string[]) => void) | undefined {
  const scope = globalThis as { importScripts?: (...urls: string[]) => void };
  return typeof scope.importScripts === 'function' ? scope.importScripts.bind(globalThis) : undefined;
}

export function registerChunk<K extends ChunkName>(name: K, chunk: WorkerChunks[K]): void {
  registry()[name] = chunk;
}

/** Chrome: import the chunks while installing, which is what lets a later life import them on demand. */
export function importChunksOnInstall(): void {
  const importScripts = workerImportScripts();
  if (!importScripts) return;
  globalThis.addEventListener('install', () => importScripts(chunksFile));
}

export class WorkerChunkMissing extends Error {
  constructor(readonly chunk: ChunkName) {
    super(`Rekey's worker could not load its ${chunk} code (${chunksFile}): reload the extension.`);
    this.name = 'WorkerChunkMissing';
  }
}

/** The chunk, loaded on first use with the others in its file (synchronous: importScripts is). */
export const loadChunk: ChunkLoader = (name) => {
  const loaded = registry()[name];
  if (loaded) return loaded;
  workerImportScripts()?.(chunksFile);
  const chunk = registry()[name];
  if (!chunk) throw new WorkerChunkMissing(name);
  return chunk;
};

/**
 * A service built on first use: the root wires every service at start, but one that lives in a chunk is built (and
 * its chunk loaded) only when something calls it. `then` reads as absent, so awaiting or returning the service from
 * an async function builds nothing.
 */
export function lazily<T extends object>(build: () => T): T {
  let instance: T | undefined;
  return new Proxy({} as T, {
    get(_target, property) {
      if (property === 'then') return undefined;
      instance ??= build();
      const value: unknown = Reflect.get(instance, property);
      return typeof value === 'function' ? value.bind(instance) : value;
    },
  });
}

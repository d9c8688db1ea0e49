import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunksFile, importChunksOnInstall, lazily, loadChunk, registerChunk, WorkerChunkMissing } from '@/entrypoints/background/chunks';
import { networkChunk } from '@/entrypoints/background/network-chunk';
import { pageChunk } from '@/entrypoints/background/page-chunk';
import { rareChunk } from '@/entrypoints/background/rare-chunk';
import { requestsChunk } from '@/entrypoints/background/requests-chunk';

/**
 * The worker's chunks: Chrome lets a service worker importScripts() after its first evaluation only what it imported
 * while installing, so install imports every chunk and a later life imports each on first use; Firefox's background
 * page has them registered before background.js runs.
 */

type Scope = { importScripts?: unknown; __rekeyWorkerChunks?: unknown };
const scope = globalThis as Scope;

afterEach(() => {
  delete scope.importScripts;
  delete scope.__rekeyWorkerChunks;
  vi.restoreAllMocks();
});

/** A worker scope whose importScripts runs the chunks' file, as Chrome does from the installed copy. */
function serviceWorkerScope(): string[] {
  const imported: string[] = [];
  scope.importScripts = (...files: string[]) => {
    for (const file of files) {
      imported.push(file);
      if (file !== chunksFile) continue;
      registerChunk('network', networkChunk);
      registerChunk('page', pageChunk);
      registerChunk('rare', rareChunk);
      registerChunk('requests', requestsChunk);
    }
  };
  return imported;
}

describe('worker chunks', () => {
  it("imports the chunks' one file while the worker installs, and nothing before", () => {
    const imported = serviceWorkerScope();
    const listeners: Record<string, () => void> = {};
    const events = globalThis as { addEventListener?: unknown };
    const original = events.addEventListener;
    events.addEventListener = (type: string, listener: () => void) => {
      listeners[type] = listener;
    };
    try {
      importChunksOnInstall();
    } finally {
      events.addEventListener = original;
    }
    expect(imported).toEqual([]);
    listeners.install?.();
    expect(imported).toEqual(['/worker-chunks.js']);
  });

  it('imports the file on the first use of a chunk only; the other chunks came with it', () => {
    const imported = serviceWorkerScope();
    expect(loadChunk('page')).toBe(pageChunk);
    expect(loadChunk('page')).toBe(pageChunk);
    expect(loadChunk('rare')).toBe(rareChunk);
    expect(loadChunk('network')).toBe(networkChunk);
    expect(imported).toEqual(['/worker-chunks.js']);
  });

  it('uses a chunk registered before the worker started (Firefox lists them before background.js)', () => {
    registerChunk('network', networkChunk);
    expect(loadChunk('network')).toBe(networkChunk);
  });

  it('fails with an explanation when a chunk cannot be loaded', () => {
    scope.importScripts = () => undefined;
    expect(() => loadChunk('network')).toThrow(WorkerChunkMissing);
    expect(() => loadChunk('network')).toThrow(/network code \(\/worker-chunks\.js\)/);
  });

  it('builds a lazy service on its first call, not when it is wired, awaited or returned', async () => {
    const build = vi.fn(() => ({ greet: (name: string) => `hello ${name}`, count: 3 }));
    const service = lazily(build);
    const returned = await (async () => service)();
    expect(build).not.toHaveBeenCalled();
    expect(returned.greet('Ada')).toBe('hello Ada');
    expect(service.count).toBe(3);
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe('errors thrown in a chunk', () => {
  it("are still ApiErrors to the worker's own copy of the class (each chunk bundles its own)", async () => {
    const core = await import('@/utils/api/errors');
    vi.resetModules();
    const chunkCopy = await import('@/utils/api/errors');
    expect(chunkCopy.ApiError).not.toBe(core.ApiError);
    const thrown = new chunkCopy.ApiError('signed-out');
    expect(thrown instanceof core.ApiError).toBe(true);
    expect(core.isApiError(thrown, 'signed-out')).toBe(true);
    expect(core.toUserError(thrown).kind).toBe('signed-out');
    expect(new Error('plain') instanceof core.ApiError).toBe(false);
    expect({ kind: 'signed-out' } instanceof core.ApiError).toBe(false);
  });
});

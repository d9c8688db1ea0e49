import type { RequestInfo } from '@/utils/api/client';
import { ApiError } from '@/utils/api/errors';
import { getSession, keys, setSession } from './storage';

/**
 * Recent API calls and errors for the support diagnostics: method, path, status and tracking
 * ids only. Paths carry request ids at most; tokens and bodies are never recorded.
 */
export interface DiagnosticsRecord {
  requests: { at: number; method: string; path: string; version: string; status: number | null; durationMs: number; attempt: number }[];
  errors: { at: number; kind: string; status: number | null; trackingId: string | null; detailCode: string | null }[];
  counts: Record<string, number>;
}

export interface Diagnostics {
  recordRequest(info: RequestInfo): Promise<void>;
  recordError(error: unknown): Promise<void>;
  read(): Promise<DiagnosticsRecord>;
}

const maxEntries = 25;
const empty = (): DiagnosticsRecord => ({ requests: [], errors: [], counts: {} });

export function createDiagnostics(): Diagnostics {
  // Writes are queued so that concurrent requests never overwrite each other's entries.
  let queue: Promise<void> = Promise.resolve();

  function update(change: (d: DiagnosticsRecord) => DiagnosticsRecord): Promise<void> {
    queue = queue.then(async () => {
      const current = (await getSession<DiagnosticsRecord>(keys.diagnostics)) ?? empty();
      await setSession(keys.diagnostics, change(current));
    });
    return queue.catch(() => undefined);
  }

  return {
    recordRequest(info) {
      const label = `${info.method} ${info.path.replace(/\/[0-9a-f-]{16,}$/i, '/{id}')}`;
      return update((d) => ({
        ...d,
        counts: { ...d.counts, [label]: (d.counts[label] ?? 0) + 1 },
        requests: [
          {
            at: Date.now(),
            method: info.method,
            path: info.path,
            version: info.version,
            status: info.status ?? null,
            durationMs: Math.round(info.durationMs),
            attempt: info.attempt,
          },
          ...d.requests,
        ].slice(0, maxEntries),
      }));
    },

    recordError(error) {
      if (!(error instanceof ApiError)) return Promise.resolve();
      return update((d) => ({
        ...d,
        errors: [
          {
            at: Date.now(),
            kind: error.kind,
            status: error.status ?? null,
            trackingId: error.trackingId ?? null,
            detailCode: error.detailCode ?? null,
          },
          ...d.errors,
        ].slice(0, maxEntries),
      }));
    },

    async read() {
      await queue.catch(() => undefined);
      return (await getSession<DiagnosticsRecord>(keys.diagnostics)) ?? empty();
    },
  };
}

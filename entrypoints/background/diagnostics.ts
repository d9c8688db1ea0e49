import type { RequestInfo } from '@/utils/api/client';
import { ApiError } from '@/utils/api/errors';
import { getSession, keys, setSession } from './stores';

/**
 * Recent API calls and errors for the support diagnostics: method, path, status and tracking
 * ids only. Paths carry request ids at most; tokens and bodies are never recorded.
 */
export interface Diagnostics {
  requests: { at: number; method: string; path: string; version: string; status: number | null; durationMs: number; attempt: number }[];
  errors: { at: number; kind: string; status: number | null; trackingId: string | null; detailCode: string | null }[];
  counts: Record<string, number>;
}

const maxEntries = 25;
let queue: Promise<void> = Promise.resolve();

function update(change: (d: Diagnostics) => Diagnostics): Promise<void> {
  queue = queue.then(async () => {
    const current = (await getSession<Diagnostics>(keys.diagnostics)) ?? { requests: [], errors: [], counts: {} };
    await setSession(keys.diagnostics, change(current));
  });
  return queue.catch(() => undefined);
}

export function recordRequest(info: RequestInfo): Promise<void> {
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
}

export function recordError(error: unknown): Promise<void> {
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
}

export async function readDiagnostics(): Promise<Diagnostics> {
  await queue.catch(() => undefined);
  return (await getSession<Diagnostics>(keys.diagnostics)) ?? { requests: [], errors: [], counts: {} };
}

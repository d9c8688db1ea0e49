import { ApiError, toUserError } from '@/utils/api/errors';
import type { Explain } from '@/utils/messages/router';
import { createAdmin } from './admin';
import { createApiConnections } from './api';
import { createSignIn } from './auth';
import { createDiagnostics } from './diagnostics';
import { createPasswords } from './passwords';
import { createWorkerSession } from './session';
import { createTenantDirectory } from './tenant';
import { createTrackerEngine } from './tracker-engine';

/** A handler's failure as the UI can explain it: the ISC client's typed errors, the crypto's locale keys, else generic. */
const explainFailure: Explain = (error) => {
  if (error instanceof ApiError) return toUserError(error);
  const crypto = error as { messageKey?: unknown; params?: unknown };
  if (typeof crypto.messageKey === 'string')
    return {
      kind: 'invalid-input',
      messageKey: crypto.messageKey,
      params: Array.isArray(crypto.params) ? crypto.params.map(String) : [],
    };
  return toUserError(error);
};

/**
 * Everything that talks to the tenant: sign-in and the session's tokens, the ISC client, password changes, the
 * tracker's status reads and the admin relay; with them the diagnostics record of API calls and errors, and a failure's
 * explanation (failures come from these calls, and this chunk already holds the typed errors). Loaded by the worker on
 * first use (entrypoints/background/chunks.ts).
 */
export const networkChunk = {
  createTenantDirectory,
  createWorkerSession,
  createSignIn,
  createApiConnections,
  createPasswords,
  createTrackerEngine,
  createAdmin,
  createDiagnostics,
  explainFailure,
};

export type NetworkChunk = typeof networkChunk;

import { createAdmin } from './admin';
import { createApiConnections } from './api';
import { createSignIn } from './auth';
import { createPasswords } from './passwords';
import { createWorkerSession } from './session';
import { createTenantDirectory } from './tenant';
import { createTrackerEngine } from './tracker-engine';

/**
 * Everything that talks to the tenant: sign-in and the session's tokens, the ISC client, password changes, the
 * tracker's status reads and the admin relay. Loaded by the worker on first use (entrypoints/background/chunks.ts).
 */
export const networkChunk = {
  createTenantDirectory,
  createWorkerSession,
  createSignIn,
  createApiConnections,
  createPasswords,
  createTrackerEngine,
  createAdmin,
};

export type NetworkChunk = typeof networkChunk;

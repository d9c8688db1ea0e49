import {
  array,
  boolean,
  check,
  integer,
  is,
  literal,
  maxLength,
  maxValue,
  minLength,
  minValue,
  nullish,
  number,
  object,
  optional,
  picklist,
  pipe,
  regex,
  safeParse,
  string,
  transform,
  union,
  unknown,
  url,
} from 'valibot';
import { isLoopback, normalizeTenant } from '@/utils/auth/tenant';
import { builtInExpiryPatterns, permissionOrigin } from '@/utils/expiry/sites';
import { recordOf } from '@/utils/schema/record-of';
import { causeOf } from '@/utils/tracker/cause';
import { snapshotOf } from '@/utils/tracker/snapshot';
import { defaultTrackerOptions, parseTrackerState } from '@/utils/tracker/types';
import { currentSession, getLocal, getSession, keys, sessionStore, setLocal, setSession } from './storage';
/** The global the worker's chunks read the names below from (scripts/worker-shared-modules.ts). */
export const workerSharedKey = '__rekeyWorkerShared';

/**
 * What background.js has and the worker's chunks use too, one namespace by name (each name comes from one module).
 * Chrome hands a starting worker every script it installed, with the eagerly compiled code cache it made of each at
 * install (~3 bytes per byte of source), so the chunks' file costs every start, used or not: in Chrome's build the
 * chunks read these from background.js instead of bundling a copy (which also means one copy of each module's state
 * and lazily built schemas). Only what background.js bundles anyway and the chunks actually read is listed: each entry
 * costs background.js a few bytes, and a name background.js would not otherwise bundle costs it the whole function,
 * whose bytes cost a start about twice what a chunk's do. The exceptions, kept on purpose: `nullish`, `transform` and
 * `regex` are in background.js only for the chunks (0.7 kB); left out, the chunks' file bundles them with valibot's
 * issue helpers, 1.6 kB more (measured on Chrome's build; a wash by that two-to-one rule). Firefox's background page
 * loads the chunks before background.js, so its chunks keep their own copies.
 */
export const workerShared = {
  array,
  boolean,
  check,
  integer,
  is,
  literal,
  maxLength,
  maxValue,
  minLength,
  minValue,
  nullish,
  number,
  object,
  optional,
  picklist,
  pipe,
  regex,
  safeParse,
  string,
  transform,
  union,
  unknown,
  url,
  builtInExpiryPatterns,
  causeOf,
  currentSession,
  defaultTrackerOptions,
  getLocal,
  getSession,
  isLoopback,
  keys,
  normalizeTenant,
  parseTrackerState,
  permissionOrigin,
  recordOf,
  sessionStore,
  setLocal,
  setSession,
  snapshotOf,
};

/** Before any chunk can run: at install (Chrome imports the chunks then) and before the first event's listener. */
export function shareModulesWithChunks(): void {
  (globalThis as Record<string, unknown>)[workerSharedKey] = workerShared;
}

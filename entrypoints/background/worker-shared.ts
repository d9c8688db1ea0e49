import {
  array,
  boolean,
  check,
  custom,
  integer,
  is,
  literal,
  maxLength,
  maxValue,
  minLength,
  minValue,
  nullable,
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
/** The global the worker's chunks read the modules below from (scripts/worker-shared-modules.ts). */
export const workerSharedKey = '__rekeyWorkerShared';

/**
 * Modules background.js has and the worker's chunks use too, keyed by their path from the project root. Chrome hands a
 * starting worker every script it installed, so each byte of the chunks' file costs every start, used or not: in
 * Chrome's build the chunks read these from background.js instead of bundling a copy (which also means one copy of
 * each module's state and lazily built schemas). Only functions background.js has anyway are shared (the chunks bundle the
 * rest, e.g. valibot's parse); sharing more modules, whole or by name, grew background.js by more than the chunks
 * lost, and its bytes cost a start about twice what a chunk's do. Firefox's background page loads the chunks before background.js, so its chunks keep
 * their own copies.
 */
export const workerShared = {
  valibot: {
    array,
    boolean,
    check,
    custom,
    integer,
    is,
    literal,
    maxLength,
    maxValue,
    minLength,
    minValue,
    nullable,
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
  },
};

/** Before any chunk can run: at install (Chrome imports the chunks then) and before the first event's listener. */
export function shareModulesWithChunks(): void {
  (globalThis as Record<string, unknown>)[workerSharedKey] = workerShared;
}

/**
 * The storage.local key of the UI-state snapshot the worker mirrors (see ui-snapshot.ts). On its own so the worker,
 * which only writes it, does not carry the schema pages use to read it.
 */
export const uiSnapshotKey = 'ui-snapshot';

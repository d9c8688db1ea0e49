/**
 * The worker mirrors the popup state (no secrets: no token, no password) into storage.local
 * under this key, so a popup opened while the worker is cold paints at once.
 */
export const uiSnapshotKey = 'ui-snapshot';

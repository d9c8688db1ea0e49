import { browser } from 'wxt/browser';
import { parseUiState } from '@/utils/messages/ui-state-guard';
import type { UiState } from '@/utils/messages/views';

import { uiSnapshotKey } from './ui-snapshot-key';

/**
 * The worker mirrors the UI state (no secrets: no token, no password) into storage.local under `uiSnapshotKey`, so a
 * page opened while the worker is cold paints at once.
 */
export { uiSnapshotKey };

/** The last state the worker left, if it is well-formed (content scripts can write storage.local too). */
export async function readUiSnapshot(): Promise<UiState | null> {
  try {
    return parseUiState((await browser.storage.local.get(uiSnapshotKey))[uiSnapshotKey]);
  } catch {
    return null;
  }
}

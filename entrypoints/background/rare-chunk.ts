import { ApiError, toUserError } from '@/utils/api/errors';
import type { Explain } from '@/utils/messages/router';
import { type ClipboardWiper, createClipboardWiper } from './clipboard';
import { backgroundPageClipboard, offscreenClipboard } from './clipboard-access';
import { createDiagnostics } from './diagnostics';
import { createReminders } from './reminders';
import { createWorkerTranslator } from './translator';

/** Chrome's worker reaches the clipboard through an offscreen document; Firefox's background page has its own. */
function createBrowserClipboardWiper(): ClipboardWiper {
  return createClipboardWiper({ clipboard: import.meta.env.FIREFOX ? backgroundPageClipboard() : offscreenClipboard() });
}

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
 * What rare events need and no ping, popup state or page report does: reminders and the words of notifications
 * (the translator and its locale tables), the clipboard wipe, the diagnostics record and a failure's explanation.
 * Loaded by the worker on first use (entrypoints/background/chunks.ts): by their alarms, a copied password, an API
 * call, a page prompt's text or a failed request.
 */
export const rareChunk = {
  createReminders,
  createWorkerTranslator,
  createBrowserClipboardWiper,
  createDiagnostics,
  explainFailure,
};

export type RareChunk = typeof rareChunk;

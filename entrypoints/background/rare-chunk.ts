import { type ClipboardWiper, createClipboardWiper } from './clipboard';
import { backgroundPageClipboard, offscreenClipboard } from './clipboard-access';
import { createReminders } from './reminders';
import { createWorkerTranslator } from './translator';

/** Chrome's worker reaches the clipboard through an offscreen document; Firefox's background page has its own. */
function createBrowserClipboardWiper(): ClipboardWiper {
  return createClipboardWiper({ clipboard: import.meta.env.FIREFOX ? backgroundPageClipboard() : offscreenClipboard() });
}

/**
 * What rare events need and no ping, popup state or page report does: reminders and the words of notifications and
 * of the page prompt (the translator and its locale tables), and the clipboard wipe. Loaded by the worker on first use
 * (entrypoints/background/chunks.ts): by their alarms, a copied password, a notification or a page prompt's text.
 */
export const rareChunk = {
  createReminders,
  createWorkerTranslator,
  createBrowserClipboardWiper,
};

export type RareChunk = typeof rareChunk;

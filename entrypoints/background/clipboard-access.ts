import { browser } from 'wxt/browser';
import { type ClipboardFingerprint, matches } from '@/utils/clipboard/fingerprint';
import type { ClipboardAccess } from './clipboard';

/** The message the worker sends its offscreen document (entrypoints/offscreen-clipboard). */
export interface OffscreenClearRequest extends ClipboardFingerprint {
  target: 'offscreen-clipboard';
}

const offscreenPath = '/offscreen-clipboard.html';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

/**
 * Chrome: a service worker has no clipboard. An offscreen document (reason CLIPBOARD) reads it, compares and
 * clears it, and is closed again at once; the clipboard's text never leaves that document.
 */
export function offscreenClipboard(): ClipboardAccess {
  const offscreen = () => (globalThis as unknown as { chrome: { offscreen: OffscreenApi } }).chrome.offscreen;
  return {
    async clearIfHolds(print) {
      // One offscreen document per extension: one left over by a worker that stopped mid-wipe is reused.
      await offscreen()
        .createDocument({
          url: offscreenPath,
          reasons: ['CLIPBOARD'],
          justification: 'Clear a password Rekey copied, if the clipboard still holds it.',
        })
        .catch(() => undefined);
      try {
        const request: OffscreenClearRequest = { target: 'offscreen-clipboard', ...print };
        const outcome = (await browser.runtime.sendMessage(request)) as unknown;
        return outcome === 'cleared' ? 'cleared' : 'kept';
      } finally {
        await offscreen()
          .closeDocument()
          .catch(() => undefined);
      }
    },
  };
}

/** Firefox: the background is a page, with a clipboard of its own (clipboardRead / clipboardWrite). */
export function backgroundPageClipboard(): ClipboardAccess {
  return {
    async clearIfHolds(print) {
      if (!(await matches(await navigator.clipboard.readText(), print))) return 'kept';
      await navigator.clipboard.writeText('');
      return 'cleared';
    },
  };
}

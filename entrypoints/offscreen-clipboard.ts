import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { matches } from '@/utils/clipboard/fingerprint';
import type { OffscreenClearRequest } from './background/clipboard-access';

/**
 * The worker's offscreen document (Chrome, reason CLIPBOARD): reads the clipboard, and clears it only if it
 * still holds the text the popup copied (same salted fingerprint). Answers only 'cleared' or 'kept': the
 * clipboard's text is never sent anywhere. Offscreen documents cannot take focus, so the async Clipboard API is
 * out; execCommand with the clipboardRead / clipboardWrite permissions is what they have.
 *
 * Chrome only. Built as an unlisted script (one self-contained file) and loaded by `offscreen-clipboard.html`,
 * which wxt.config.ts writes for Chrome: an HTML entrypoint would share chunks with the popup and grow its first
 * load. For the same reason it uses `chrome.runtime` directly rather than the polyfill.
 */

declare const chrome: {
  runtime: {
    id: string;
    onMessage: {
      addListener(
        listener: (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (answer: string) => void) => boolean | undefined,
      ): void;
    };
  };
};

function readClipboard(): string {
  const area = document.createElement('textarea');
  document.body.append(area);
  area.focus();
  document.execCommand('paste');
  const text = area.value;
  area.remove();
  return text;
}

function clearClipboard(): void {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

function isClearRequest(message: unknown): message is OffscreenClearRequest {
  const m = message as Partial<OffscreenClearRequest> | null;
  return (
    m?.target === 'offscreen-clipboard' &&
    typeof m.salt === 'string' &&
    /^[0-9a-f]{32}$/.test(m.salt) &&
    typeof m.digest === 'string' &&
    /^[0-9a-f]{64}$/.test(m.digest)
  );
}

export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // Only the worker talks to this document (a message from a tab would carry the tab).
      if (!isClearRequest(message) || sender.id !== chrome.runtime.id || sender.tab) return undefined;
      void matches(readClipboard(), message).then((holds) => {
        if (holds) clearClipboard();
        sendResponse(holds ? 'cleared' : 'kept');
      });
      return true;
    });
  },
});

import { browser } from 'wxt/browser';
import type { PageBrowser, WorkerClient } from '@/components/worker';
import { createMessenger } from '@/utils/messages/client';
import type { UiState } from '@/utils/messages/views';

/** The longest pause before reconnecting to a worker that went away (it restarts on the connect itself). */
const maxReconnectDelayMs = 5_000;

/**
 * The browser side of the page↔worker seam. Requests go by runtime.sendMessage; state comes pushed over a port
 * named for the page (opened when `openWhen` settles), so an idle page costs nothing. The worker stops when idle and the port drops with it:
 * reconnecting wakes it, and it pushes the current state again.
 */
export function connectToWorker(page: 'popup' | 'options', openWhen: Promise<unknown> = Promise.resolve()): WorkerClient {
  const listeners = new Set<(state: UiState) => void>();
  let delay = 100;

  function connect(): void {
    const port = browser.runtime.connect({ name: `ui:${page}` });
    port.onMessage.addListener((message: unknown) => {
      const pushed = message as { type?: unknown; state?: UiState } | null;
      if (pushed?.type !== 'state' || !pushed.state) return;
      delay = 100;
      for (const listener of listeners) listener(pushed.state);
    });
    port.onDisconnect.addListener(() => {
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, maxReconnectDelayMs);
    });
  }
  // `openWhen`: the popup opens the port (which wakes a stopped worker) only after its first frame; requests and
  // subscriptions work before it.
  void openWhen.then(connect);

  return {
    send: createMessenger((message) => browser.runtime.sendMessage(message)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const pageBrowser: PageBrowser = {
  // Called straight from the click, with no await before it: Firefox refuses a request that is not (it answers
  // true at once for origins already granted, so saving unchanged settings never prompts).
  requestOrigins: (origins) => (origins.length === 0 ? Promise.resolve(true) : browser.permissions.request({ origins })),
  openOptionsPage: () => void browser.runtime.openOptionsPage(),
  async copySecret(text) {
    await navigator.clipboard.writeText(text);
    const send = createMessenger((message) => browser.runtime.sendMessage(message));
    try {
      // Loaded on the first copy, like the crypto chunk: the popup's first paint does not pay for it.
      const { fingerprint } = await import('@/utils/clipboard/fingerprint');
      await send({ type: 'clipboard/scheduleWipe', ...(await fingerprint(text)) });
    } catch (error) {
      // No wipe to count on: take the password off the clipboard now rather than leave it there.
      await navigator.clipboard.writeText('').catch(() => undefined);
      throw error;
    }
  },
};

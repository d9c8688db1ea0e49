import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '@/utils/messages/router';

export default defineBackground(() => {
  const startedAt = Date.now();
  const route = createRouter(
    {
      ping: () => ({ pong: true, version: browser.runtime.getManifest().version, startedAt }),
    },
    { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, '') },
  );

  // Registered synchronously so a cold worker woken by a message still hears it.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});

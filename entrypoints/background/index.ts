import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundRouter } from '@/entrypoints/background/handlers';
import { startBackground } from '@/entrypoints/background/lifecycle';

export default defineBackground(() => {
  const route = createBackgroundRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
  });
  // Listeners are registered synchronously at start so a worker woken by an event still hears it.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  startBackground();
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { importChunksOnInstall } from './chunks';
import { startWorker } from './listeners';
import { createWorkerServices } from './root';

export default defineBackground(() => {
  const identity = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, '') };
  // Listeners are registered synchronously at start so a worker woken by an event still hears it.
  startWorker(createWorkerServices(identity), identity);
  importChunksOnInstall();
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { importChunksOnInstall } from './chunks';
import { startWorker } from './listeners';
import { mirrorPageSessionFlag } from './page-session-mirror';
import { createWorkerServices } from './root';
import { shareModulesWithChunks } from './worker-shared';

export default defineBackground(() => {
  // Before anything can run a chunk: Chrome's chunks read these modules from background.js.
  shareModulesWithChunks();
  const identity = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, '') };
  // Listeners are registered synchronously at start so a worker woken by an event still hears it.
  startWorker(createWorkerServices(identity), identity);
  importChunksOnInstall();
  // A document pages can reach only in Firefox: there the first popup after a browser start paints from this copy.
  if (import.meta.env.FIREFOX) mirrorPageSessionFlag();
});

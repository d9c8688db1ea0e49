import { browser } from 'wxt/browser';
import { type PageSessionMirror, pageSessionFlagKey, pageSessionMirror } from '../shared/page-session-flag';

/**
 * Firefox's background is an event page, a document the extension's pages can reach synchronously while it runs. At a
 * browser start it runs before the first popup, and the first popup would otherwise wait for one storage.session round
 * trip before painting its kept frame (paint-cache.ts's stillTrueInSession): here the background page reads the flag
 * once and follows its changes, and the popup reads this copy instead. Nothing secret: only whether pages kept a state
 * in this browser session. Chrome's service worker has no document to reach; it does not run this.
 */
export function mirrorPageSessionFlag(scope: PageSessionMirror = globalThis as PageSessionMirror): void {
  let changed = false;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session' || !(pageSessionFlagKey in changes)) return;
    changed = true;
    scope[pageSessionMirror] = changes[pageSessionFlagKey]?.newValue === true;
  });
  browser.storage.session.get(pageSessionFlagKey).then(
    (stored) => {
      // A change heard first is newer than this read may be.
      if (!changed) scope[pageSessionMirror] = stored[pageSessionFlagKey] === true;
    },
    () => undefined,
  );
}

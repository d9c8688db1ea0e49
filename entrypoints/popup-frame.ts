import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { paintKeptFrame } from './shared/kept-frame';

/**
 * popup.html's first script, a classic one right after `#app`: paints the popup's kept first screen (kept-frame.ts)
 * while the popup's own module script is still loading, so the first frame waits for no more than this small file.
 */
export default defineUnlistedScript(() => {
  const app = document.getElementById('app');
  if (app) paintKeptFrame(app);
});

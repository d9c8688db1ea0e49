import { buildFrame, type FrameNode, frameOf, isFrame } from '@/utils/dom/frame-tree';
import type { UiState } from '@/utils/messages/views';
import { keptStateText, messagesVersion, readJson, stillTrueInSession, stillTrueNow, write } from './paint-cache';

/**
 * The popup's last first screens, kept as data (utils/dom/frame-tree.ts) so that the next popup paints its first
 * screen from a 2 kB script (entrypoints/popup-frame.ts) before the popup's own script has loaded and run: in Firefox,
 * loading and evaluating that script is most of a first paint. A frame is the screen a popup rendered from the kept
 * state as the popup's first paint makes it still true (paint-cache.ts's stillTrueNow: as kept, or signed out after a
 * browser start), and it is painted again only for exactly that state, only when stillTrueNow can tell without
 * asking anything asynchronous, and only by a build with the same messages. It is inert (no click, no focus, hidden
 * from assistive technology) until the popup's script replaces it with the live screen in one task.
 */
const framesKey = 'rekey:paint-frames';
/** A signed-in screen and the signed-out one a browser start turns it into, and one more. */
const keptFrames = 3;

interface KeptFrame {
  /** The build's messages (the words are in the frame). */
  messages: string;
  /** The text of the state the frame shows (as JSON.stringify gives it). */
  state: string;
  lang: string;
  nodes: FrameNode[];
}

function isKeptFrame(value: unknown): value is KeptFrame {
  const kept = value as Partial<KeptFrame> | null;
  return (
    typeof kept === 'object' &&
    kept !== null &&
    typeof kept.messages === 'string' &&
    typeof kept.state === 'string' &&
    typeof kept.lang === 'string' &&
    isFrame(kept.nodes)
  );
}

function readFrames(): KeptFrame[] {
  const kept = readJson(framesKey);
  return Array.isArray(kept) ? kept.filter(isKeptFrame) : [];
}

function keptState(): { text: string; state: UiState } | null {
  const text = keptStateText();
  if (!text) return null;
  try {
    return { text, state: JSON.parse(text) as UiState };
  } catch {
    return null;
  }
}

/**
 * Paints the frame of the state the popup would paint first, if one is kept: at once where the kept state tells by
 * itself whether it is still true (as kept, or signed out after a browser start: paint-cache.ts's stillTrueNow), and
 * says whether it did. Where only storage.session can tell (every kept signed-in state in Chromium, whose session
 * cookie a restored browser session keeps; Firefox once its background page has been suspended or the browser
 * restarted) it asks, as the popup's own first paint does, and the promise says whether that state's frame was painted
 * — not if the live screen came first. The kept state and the cookies are read once either way.
 */
export function paintKeptFrame(app: HTMLElement): boolean | Promise<boolean> {
  const kept = keptState();
  // For the benchmark's breakdown of a first open (bench/popup-probe.ts): the first localStorage read, then the cookies.
  performance.mark('rekey:kept-state-read');
  // The cookies first: at a browser start they say "signed out" at once, and nothing else is asked.
  const now = kept ? stillTrueNow(kept.state) : null;
  performance.mark('rekey:still-true-read');
  if (!kept || now === null) return false;
  if (now === undefined) {
    // Only storage.session can tell (a kept signed-in state in Chromium, whose cookies vouch only for a browser start):
    // asked now, and the frame of the state as kept, which it nearly always says goes on, is built while it answers.
    const session = stillTrueInSession(kept.state);
    const asKept = frameFor(app, kept.text);
    // Nothing to paint (null) has no frame either.
    return session.then((checked) => attach(app, checked === kept.state ? asKept : frameFor(app, JSON.stringify(checked))));
  }
  return attach(app, frameFor(app, now === kept.state ? kept.text : JSON.stringify(now)));
}

/** The kept frame of the state `stateText` in this build's messages, built but not yet in the page: [lang, content]. */
function frameFor(app: HTMLElement, stateText: string): [string, DocumentFragment] | undefined {
  const messages = messagesVersion();
  const frame = readFrames().find((kept) => kept.state === stateText && kept.messages === messages);
  return frame && [frame.lang, buildFrame(app.ownerDocument, frame.nodes)];
}

function attach(app: HTMLElement, frame: [string, DocumentFragment] | undefined): boolean {
  if (!frame || app.dataset.live !== undefined) return false;
  if (frame[0]) app.ownerDocument.documentElement.lang = frame[0];
  app.inert = true;
  app.setAttribute('aria-hidden', 'true');
  app.dataset.frame = 'kept';
  app.replaceChildren(frame[1]);
  performance.mark('rekey:first-frame');
  return true;
}

/**
 * Removes a kept frame from `app`, just before the live screen is rendered into it in the same task, and marks `app`
 * live: a frame whose storage.session answer comes later is not painted over the live screen.
 */
export function clearKeptFrame(app: HTMLElement): void {
  app.dataset.live = '';
  if (app.dataset.frame === undefined) return;
  app.replaceChildren();
  app.inert = false;
  app.removeAttribute('aria-hidden');
  delete app.dataset.frame;
}

/**
 * Keeps the screen the popup has just rendered from `painted` (what the kept state was still true as, with no async
 * step) as a frame for the next popups, once the first frame is out (`afterFirstFrame`) — but only if nothing on it
 * changed in between (an account list that arrived, a focus move, an answer from the worker) and the kept state is
 * still the one it was painted from: a frame is that state's first screen, never a later one. Never while a password
 * field is on screen, never of the boot skeleton. A popup painted from anything else keeps no frame; the next one,
 * painted from the state this one keeps, will.
 */
export function keepFirstFrame(app: HTMLElement, painted: UiState, afterFirstFrame: Promise<unknown>): void {
  const keptText = keptStateText();
  let changed = false;
  const changes = new MutationObserver(() => {
    changed = true;
  });
  changes.observe(app, { subtree: true, childList: true, attributes: true, characterData: true });
  void afterFirstFrame.then(() => {
    if (changes.takeRecords().length > 0) changed = true;
    changes.disconnect();
    if (changed || !keptText || keptStateText() !== keptText) return;
    if (app.querySelector('input[type="password"]') || !app.querySelector('[data-screen]:not([data-screen="booting"])')) return;
    // Here, after the first frame, not before it: the state's text is only needed for a frame that is kept.
    const stateText = JSON.stringify(painted);
    const frame: KeptFrame = {
      messages: messagesVersion(),
      state: stateText,
      lang: app.ownerDocument.documentElement.lang,
      nodes: frameOf(app),
    };
    write(framesKey, [frame, ...readFrames().filter((kept) => kept.state !== stateText)].slice(0, keptFrames));
  });
}

import { browser } from 'wxt/browser';
import { applyPopupLayout, popupLayout } from '@/components/popup/page-layout';
import { buildFrame, type FrameNode, frameOf, isFrame } from '@/utils/dom/frame-tree';
import type { UiState } from '@/utils/messages/views';
import { keptStateText, messagesVersion, readJson, stillTrueNow, write } from './paint-cache';

/**
 * The popup's last first screen, kept as data (utils/dom/frame-tree.ts) so that the next popup paints it from a 2 kB
 * script (entrypoints/popup-frame.ts) before the popup's own script has loaded and run: in Firefox, loading and
 * evaluating that script is most of a first paint. The frame is painted only for the very kept state it was taken of,
 * only when that state is still true without asking anything asynchronous (paint-cache.ts's stillTrueNow: a signed-in
 * state after a browser start is not), and only by a build with the same messages. It is inert (no click, no focus,
 * hidden from assistive technology) until the popup's script replaces it with the live screen in one task.
 */
const frameKey = 'rekey:paint-frame';

interface KeptFrame {
  /** The build's messages (the words are in the frame). */
  messages: string;
  /** The kept state's exact text when the frame was taken. */
  state: string;
  lang: string;
  nodes: FrameNode[];
}

function readFrame(): KeptFrame | null {
  const kept = readJson(frameKey) as Partial<KeptFrame> | undefined;
  if (typeof kept?.messages !== 'string' || typeof kept.state !== 'string' || typeof kept.lang !== 'string') return null;
  return isFrame(kept.nodes) ? (kept as KeptFrame) : null;
}

/** Paints the kept frame into `app` if it is the still-true kept state's; whether it did. */
export function paintKeptFrame(app: HTMLElement): boolean {
  const frame = readFrame();
  const stateText = keptStateText();
  if (!frame || !stateText || frame.state !== stateText || frame.messages !== messagesVersion()) return false;
  let state: UiState;
  try {
    state = JSON.parse(stateText) as UiState;
  } catch {
    return false;
  }
  // The same test the popup's own first paint makes: the state as kept, not one the browser start has signed out.
  if (stillTrueNow(state) !== state) return false;
  const root = app.ownerDocument.documentElement;
  applyPopupLayout(
    root,
    popupLayout(window, () => browser.extension.getViews({ type: 'popup' })),
  );
  if (frame.lang) root.lang = frame.lang;
  app.inert = true;
  app.setAttribute('aria-hidden', 'true');
  app.dataset.frame = 'kept';
  app.replaceChildren(buildFrame(app.ownerDocument, frame.nodes));
  performance.mark('rekey:first-frame');
  return true;
}

/** Removes a kept frame from `app`, just before the live screen is rendered into it in the same task. */
export function clearKeptFrame(app: HTMLElement): void {
  if (app.dataset.frame === undefined) return;
  app.replaceChildren();
  app.inert = false;
  app.removeAttribute('aria-hidden');
  delete app.dataset.frame;
}

/**
 * Keeps the screen the popup has just rendered from the kept state whose text is `stateText`, as the next popup's
 * frame, once the first frame is out (`afterFirstFrame`) — but only if nothing on it changed in between (an account
 * list that arrived, a focus move, an answer from the worker): a frame is the state's first screen, never a later one.
 * Never while a password field is on screen, never of the boot skeleton, never once the kept state has changed.
 * A popup painted from anything else keeps no frame; the next one, painted from the state this one keeps, will.
 */
export function keepFirstFrame(app: HTMLElement, stateText: string, afterFirstFrame: Promise<unknown>): void {
  let changed = false;
  const changes = new MutationObserver(() => {
    changed = true;
  });
  changes.observe(app, { subtree: true, childList: true, attributes: true, characterData: true });
  void afterFirstFrame.then(() => {
    if (changes.takeRecords().length > 0) changed = true;
    changes.disconnect();
    if (changed || keptStateText() !== stateText) return;
    if (app.querySelector('input[type="password"]') || !app.querySelector('[data-screen]:not([data-screen="booting"])')) return;
    write(frameKey, {
      messages: messagesVersion(),
      state: stateText,
      lang: app.ownerDocument.documentElement.lang,
      nodes: frameOf(app),
    } satisfies KeptFrame);
  });
}

import type { PromptText } from '@/utils/messages/views';
import { type Corner, chooseCorner } from './placement';

/**
 * The page prompt, plain DOM in a closed shadow root (no framework: the content script must stay small).
 *
 * The page is untrusted and shares the DOM with us, so:
 * - the host is a plain `div`: a custom element name (the old `rekey-expiry-prompt`) can be predefined by the
 *   page, whose constructor then runs on our element and can reach a "closed" shadow root through
 *   `attachInternals()`. A `div` cannot be defined or upgraded, and our content script's own `attachShadow` is
 *   not the page's (content scripts run in an isolated world: hooks on the page's prototypes never see us);
 * - the host's style is inline and `!important`, so no page stylesheet can hide, move or restyle it, and the
 *   box inside resets every inherited property (`all: initial`), so nothing leaks in from the page either;
 * - the buttons act only on trusted events (a real click or key press, never a page's `dispatchEvent`/`click()`)
 *   and only while the prompt is really visible (a page that turned it transparent cannot trick a click into it);
 * - every word is CSS generated content (`::before { content: attr(data-text) }`), not a text node: Chromium's
 *   `window.find()` searches text nodes even inside a closed shadow root, so a page could test guesses at the
 *   prompt's words; generated content is drawn and read out by screen readers (it is in the accessibility tree)
 *   but `find()` does not match it.
 * The page can still remove the host or cover it: hiding the prompt is always in a page's power, acting for the
 * user is not. The worker in turn honours "Change now"/"Not now" only for a tab it showed a prompt in.
 */
export interface PromptHandlers {
  onChangeNow(): void;
  onNotNow(): void;
  onClose(): void;
}

/** How the host is marked, for tests and tools; the page can find the host anyway (it watches its own DOM). */
export const promptHostAttribute = 'data-rekey-prompt';
export const promptHostSelector = `div[${promptHostAttribute}]`;

const size = { width: 340, height: 120 };
/** Below this effective opacity the prompt counts as hidden: a click on it was not meant for it. */
const minimumOpacity = 0.5;

const hostStyle = 'all: initial !important;';
const elementNode = 1;
const fragmentNode = 11;

const styles = `
.box { all: initial; position: fixed; z-index: 2147483647; display: block; width: ${size.width}px; max-width: calc(100vw - 32px); box-sizing: border-box; padding: 14px 16px;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1f24; background: #fff;
  border: 1px solid #8c959f; border-left: 6px solid #0b5cad; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.box.bottom-right { right: 16px; bottom: 16px; } .box.top-right { right: 16px; top: 16px; }
.box.bottom-left { left: 16px; bottom: 16px; } .box.top-left { left: 16px; top: 16px; }
p { display: block; margin: 0 28px 10px 0; overflow-wrap: anywhere; }
.row { display: flex; flex-wrap: wrap; gap: 8px; }
button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid #8c959f; background: #fff; color: #1b1f24; cursor: pointer; }
button.primary { background: #0b5cad; border-color: #0b5cad; color: #fff; font-weight: 600; }
button.close { position: absolute; top: 6px; right: 6px; border: none; background: none; font-size: 18px; line-height: 1; padding: 4px 8px; }
button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
[data-text]::before { content: attr(data-text); }
@media (prefers-color-scheme: dark) {
  .box { background: #161b22; color: #e6edf3; border-color: #6e7681; border-left-color: #58a6ff; }
  button { background: #161b22; color: #e6edf3; border-color: #6e7681; }
  button.primary { background: #58a6ff; border-color: #58a6ff; color: #0d1117; }
}`;

function visibleFieldBoxes(doc: Document) {
  return [...doc.querySelectorAll('input:not([type=hidden]), button, select, textarea, [role=button]')]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
}

/** The opacity the user sees: the product along the flat tree, from the box out through its host to the root. */
function effectiveOpacity(element: Element): number {
  const view = element.ownerDocument.defaultView;
  let opacity = 1;
  for (let node: Node | null = element; node; ) {
    if (node.nodeType === elementNode && view) {
      const own = Number.parseFloat(view.getComputedStyle(node as Element).opacity);
      if (!Number.isNaN(own)) opacity *= own;
    }
    // A shadow root's parent in the flat tree is its host.
    node = node.nodeType === fragmentNode && 'host' in node ? (node as ShadowRoot).host : node.parentNode;
  }
  return opacity;
}

/** A real user's action on a prompt they could see: not a page's synthetic event, not a click on a hidden prompt. */
export function isUserAction(event: Event, box: Element): boolean {
  if (!event.isTrusted || !box.isConnected) return false;
  if (box.checkVisibility && !box.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  return effectiveOpacity(box) >= minimumOpacity;
}

export function showPrompt(doc: Document, text: PromptText, handlers: PromptHandlers): { remove(): void; corner: Corner } {
  const host = doc.createElement('div');
  host.setAttribute(promptHostAttribute, '');
  host.setAttribute('style', hostStyle);
  const shadow = host.attachShadow({ mode: 'closed' });
  const view = doc.defaultView;
  const corner = chooseCorner(visibleFieldBoxes(doc), { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 }, size);

  const style = doc.createElement('style');
  style.textContent = styles;
  const box = doc.createElement('section');
  box.className = `box ${corner}`;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', text.regionLabel);
  const message = doc.createElement('p');
  message.setAttribute('data-text', text.message);
  message.setAttribute('role', 'status');
  const row = doc.createElement('div');
  row.className = 'row';

  let done = false;
  const remove = () => {
    done = true;
    host.remove();
  };
  /** Runs `handler` once, for a user's own action only; anything else is ignored and leaves the prompt up. */
  const act = (event: Event, handler: () => void) => {
    if (done || !isUserAction(event, box)) return;
    remove();
    handler();
  };
  const button = (label: string, className: string, handler: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = className;
    b.setAttribute('data-text', label);
    b.addEventListener('click', (event) => act(event, handler));
    return b;
  };
  row.append(button(text.changeNow, 'primary', handlers.onChangeNow), button(text.notNow, '', handlers.onNotNow));
  const close = button('×', 'close', handlers.onClose);
  close.setAttribute('aria-label', text.close);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') act(event, handlers.onClose);
  });
  box.append(close, message, row);
  shadow.append(style, box);
  // Appended last and never focused: the prompt must not steal the caret from the page's own form.
  (doc.body ?? doc.documentElement).append(host);
  return { remove, corner };
}

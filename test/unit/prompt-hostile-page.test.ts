// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUserAction, type PromptHandlers, promptHostSelector, showPrompt } from '@/components/prompt/prompt';

/**
 * The page prompt against a page that plays dirty, in jsdom (one JavaScript world, so this is the page's side of
 * the DOM only; test/e2e/prompt-hostile-page.test.ts runs the same attacks against the real content script in
 * Chromium's isolated world and clicks for real).
 */

const text = { message: 'Your password has expired.', changeNow: 'Change now', notNow: 'Not now', close: 'Close', regionLabel: 'Rekey' };

function handlers(): PromptHandlers & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    onChangeNow: () => calls.push('changeNow'),
    onNotNow: () => calls.push('notNow'),
    onClose: () => calls.push('close'),
  };
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('a page that predefines custom elements', () => {
  it('never gets its constructor run on the prompt, so attachInternals cannot hand it the closed shadow root', () => {
    const upgraded: string[] = [];
    // The old host's name, and the attack: the page's class runs on our element and asks for its internals.
    for (const name of ['rekey-expiry-prompt', 'rekey-prompt']) {
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            upgraded.push(name);
            this.attachInternals();
          }
        },
      );
    }
    showPrompt(document, text, handlers());
    const host = document.querySelector(promptHostSelector);
    expect(host?.localName).toBe('div');
    expect(upgraded).toEqual([]);
    expect(host?.shadowRoot).toBeNull();
    expect(host?.textContent).toBe('');
  });
});

describe('synthetic events', () => {
  /** Even a page holding the shadow root (it cannot, see above) only gets to dispatch untrusted events. */
  function showAndCapture(h: PromptHandlers) {
    const attach = Element.prototype.attachShadow;
    let root: ShadowRoot | undefined;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
      root = attach.call(this, init);
      return root;
    });
    showPrompt(document, text, h);
    if (!root) throw new Error('no shadow root');
    return root;
  }

  const button = (root: ShadowRoot, label: string) =>
    [...root.querySelectorAll('button')].find((b) => b.getAttribute('data-text') === label || b.getAttribute('aria-label') === label)!;

  it("holds its words as generated content, not as text nodes a page's window.find() could match", () => {
    const root = showAndCapture(handlers());
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.localName !== 'style') texts.push(node.nodeValue ?? '');
    }
    expect(texts).toEqual([]);
    expect([...root.querySelectorAll('[data-text]')].map((element) => element.getAttribute('data-text'))).toEqual([
      '×',
      'Your password has expired.',
      'Change now',
      'Not now',
    ]);
    expect(root.querySelector('style')?.textContent).toContain('[data-text]::before { content: attr(data-text); }');
  });

  it('ignores click(), dispatched clicks and a dispatched Escape: nothing opens, nothing is snoozed, the prompt stays', () => {
    const h = handlers();
    const root = showAndCapture(h);
    button(root, 'Change now').click();
    button(root, 'Not now').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button(root, 'Close').click();
    root.querySelector('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(h.calls).toEqual([]);
    expect(document.querySelector(promptHostSelector)).not.toBeNull();
  });
});

describe('what counts as the user acting on the prompt', () => {
  function promptBox() {
    const host = document.createElement('div');
    const box = document.createElement('section');
    host.attachShadow({ mode: 'open' }).append(box);
    document.body.append(host);
    return { host, box };
  }
  const trusted = { isTrusted: true } as Event;

  it('is a trusted event on a visible prompt', () => {
    expect(isUserAction(trusted, promptBox().box)).toBe(true);
    expect(isUserAction(new MouseEvent('click'), promptBox().box)).toBe(false);
  });

  it('is not a click on a prompt the page made transparent or removed (a click it tricked the user into)', () => {
    const faded = promptBox();
    faded.host.style.opacity = '0.1';
    expect(isUserAction(trusted, faded.box)).toBe(false);
    const underFadedPage = promptBox();
    document.body.style.opacity = '0.3';
    expect(isUserAction(trusted, underFadedPage.box)).toBe(false);
    document.body.style.opacity = '';
    const removed = promptBox();
    removed.host.remove();
    expect(isUserAction(trusted, removed.box)).toBe(false);
  });
});

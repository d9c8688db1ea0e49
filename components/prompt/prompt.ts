import { type Corner, chooseCorner } from './placement';

/**
 * The page prompt, built with plain DOM inside a closed shadow root: page CSS cannot reach it
 * and page scripts cannot read it. No framework: the content script must stay tiny.
 */
export interface PromptText {
  message: string;
  changeNow: string;
  notNow: string;
  close: string;
  regionLabel: string;
}

export interface PromptHandlers {
  onChangeNow(): void;
  onNotNow(): void;
  onClose(): void;
}

const size = { width: 340, height: 120 };

const styles = `
:host { all: initial; }
.box { position: fixed; z-index: 2147483647; width: ${size.width}px; box-sizing: border-box; padding: 14px 16px;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1f24; background: #fff;
  border: 1px solid #8c959f; border-left: 6px solid #0b5cad; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.box.bottom-right { right: 16px; bottom: 16px; } .box.top-right { right: 16px; top: 16px; }
.box.bottom-left { left: 16px; bottom: 16px; } .box.top-left { left: 16px; top: 16px; }
p { margin: 0 28px 10px 0; }
.row { display: flex; gap: 8px; }
button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid #8c959f; background: #fff; color: #1b1f24; cursor: pointer; }
button.primary { background: #0b5cad; border-color: #0b5cad; color: #fff; font-weight: 600; }
button.close { position: absolute; top: 6px; right: 6px; border: none; background: none; font-size: 18px; line-height: 1; padding: 4px 8px; }
button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
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

export function showPrompt(doc: Document, text: PromptText, handlers: PromptHandlers): { remove(): void; corner: Corner } {
  const host = doc.createElement('rekey-expiry-prompt');
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
  message.textContent = text.message;
  message.setAttribute('role', 'status');
  const row = doc.createElement('div');
  row.className = 'row';
  const button = (label: string, className: string, onClick: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };
  const remove = () => host.remove();
  row.append(
    button(text.changeNow, 'primary', () => {
      remove();
      handlers.onChangeNow();
    }),
    button(text.notNow, '', () => {
      remove();
      handlers.onNotNow();
    }),
  );
  const close = button('×', 'close', () => {
    remove();
    handlers.onClose();
  });
  close.setAttribute('aria-label', text.close);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      remove();
      handlers.onClose();
    }
  });
  box.append(close, message, row);
  shadow.append(style, box);
  // Appended last and never focused: the prompt must not steal the caret from the page's own form.
  (doc.body ?? doc.documentElement).append(host);
  return { remove, corner };
}

/**
 * Reads what a person can see on a page — text split into blocks with their context, and the shape of its
 * password fields — in one bounded, iterative pass. It never reads an input's value.
 */

export const BlockFlag = {
  alert: 1,
  heading: 2,
  control: 4,
  quotation: 8,
  peripheral: 16,
  article: 32,
  title: 64,
  dialog: 128,
} as const;

export interface TextBlock {
  text: string;
  flags: number;
  /** The element that holds the block, e.g. `p`, `li`, `div`. */
  container: string;
}

export interface FieldFacts {
  passwordFields: number;
  /** Password fields meant for a new password (autocomplete `new-password`, or named/labelled new/confirm). */
  newPasswordFields: number;
  currentPasswordFields: number;
  numberInputs: number;
  selects: number;
  checkboxes: number;
}

export interface PageFacts {
  blocks: TextBlock[];
  fields: FieldFacts;
  /** Paragraph-like blocks of 80+ characters: many of them mean an article, not a prompt. */
  longParagraphs: number;
  truncated: boolean;
}

export interface ReadLimits {
  maxNodes: number;
  maxChars: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxNodes: 40_000, maxChars: 20_000 };

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'map',
  'meta',
  'link',
]);

/** Elements that do not start a new block of text; everything else does. */
const INLINE = new Set([
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'small',
  'big',
  'mark',
  'abbr',
  'time',
  'code',
  'kbd',
  'samp',
  'var',
  'sub',
  'sup',
  'font',
  'q',
  'cite',
  'dfn',
  'bdi',
  'bdo',
  'data',
  'wbr',
  'nobr',
  'label',
  'tt',
  'ins',
  'del',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend', 'caption']);
const CONTROLS = new Set(['a', 'button', 'summary', 'option']);
const CONTROL_ROLES = new Set(['button', 'link', 'tab', 'menuitem', 'option']);
const ALERT_ROLES = new Set(['alert', 'status', 'alertdialog', 'log']);
const PERIPHERAL_TAGS = new Set(['nav', 'footer', 'aside']);
const PERIPHERAL_ROLES = new Set(['navigation', 'contentinfo', 'complementary']);
// Block-level only: an inline <code> would mark its whole sentence as quoted; <q> gets quote marks instead.
const QUOTATIONS = new Set(['blockquote', 'pre']);
const PARAGRAPHS = new Set(['p', 'li', 'dd', 'blockquote', 'td']);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const HIDDEN_CLASS = /(?:^|\s)(?:hidden|d-none|is-hidden|hide|ng-hide|x-hidden|u-hidden)(?:\s|$)/i;
const ALERT_CLASS =
  /(?:^|[\s_-])(?:alert|error|errors|warning|warn|notice|notification|notifications|banner|callout|toast|flash|infobar|messagebar)(?:$|[\s_-])/i;

const NEW_FIELD = new RegExp(
  [
    'new',
    'confirm',
    'repeat',
    'retype',
    're-enter',
    'reenter',
    'verify',
    'again',
    'neu',
    'bestätig',
    'wiederhol',
    'nouveau',
    'confirm',
    'nuev',
    'repet',
    'nieuw',
    'bevestig',
    'herhaal',
    'nuov',
    'ripet',
    'conferm',
    'nova',
    'novo',
    'confirma',
    'nowe',
    'potwierd',
    'powtórz',
    'powtorz',
    '新しい',
    '新パスワード',
    '確認',
    '再入力',
  ].join('|'),
  'i',
);
const CURRENT_FIELD =
  /current|old|existing|aktuell|bisherig|alt(?:es)?[\s_-]|ancien|actuel|actual|anterior|huidig|oud|attuale|vecchi|atual|antig|obecn|stare|現在|旧/i;

/** Text of a `<label>`, gathered as the walk passes through it. */
interface LabelText {
  text: string;
}

interface Frame {
  element: Element;
  flags: number;
  container: string;
  label: LabelText | null;
  closedDetails: boolean;
}

/** Whether an element hides itself and its subtree from a sighted reader, judged from markup alone. */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const className = element.getAttribute('class');
  if (className && HIDDEN_CLASS.test(className)) return true;
  return element.localName === 'dialog' && !element.hasAttribute('open');
}

function ownFlags(element: Element, tag: string): number {
  let flags = 0;
  const role = element.getAttribute('role');
  const live = element.getAttribute('aria-live');
  if ((role && ALERT_ROLES.has(role)) || live === 'polite' || live === 'assertive') flags |= BlockFlag.alert;
  const className = element.getAttribute('class');
  if (className && ALERT_CLASS.test(className)) flags |= BlockFlag.alert;
  if (HEADINGS.has(tag) || role === 'heading') flags |= BlockFlag.heading;
  if (CONTROLS.has(tag) || (role && CONTROL_ROLES.has(role))) flags |= BlockFlag.control;
  if (QUOTATIONS.has(tag)) flags |= BlockFlag.quotation;
  if (PERIPHERAL_TAGS.has(tag) || (role && PERIPHERAL_ROLES.has(role))) flags |= BlockFlag.peripheral;
  if (tag === 'article' || role === 'article') flags |= BlockFlag.article;
  if (tag === 'dialog' || role === 'dialog' || role === 'alertdialog') flags |= BlockFlag.dialog;
  return flags;
}

function emptyFields(): FieldFacts {
  return { passwordFields: 0, newPasswordFields: 0, currentPasswordFields: 0, numberInputs: 0, selects: 0, checkboxes: 0 };
}

interface PendingPasswordField {
  descriptor: string;
  id: string;
  autocomplete: string;
  /** The wrapping label, whose text may continue after the field. */
  label: LabelText | null;
}

const MAX_LABEL = 200;

/**
 * The `<title>` text, found by walking the head's children: `document.title` and selector APIs recurse through
 * the whole tree in some DOM implementations, which overflows the stack on absurdly deep pages.
 */
export function titleOf(doc: Document): string {
  for (let top = doc.documentElement?.firstChild; top; top = top.nextSibling) {
    if ((top as Element).localName !== 'head') continue;
    for (let child = top.firstChild; child; child = child.nextSibling) {
      if ((child as Element).localName !== 'title') continue;
      const text = child.firstChild?.nodeValue ?? '';
      return text.slice(0, MAX_LABEL);
    }
  }
  return '';
}

/**
 * The body as the DOM standard defines it (the html element's first body or frameset child), found without
 * `document.body`: happy-dom searches the whole tree recursively for it, which overflows the stack on a deep
 * page whose script removed the body.
 */
export function bodyOf(doc: Document): Element | null {
  for (let child = doc.documentElement?.firstChild; child; child = child.nextSibling) {
    const name = (child as Element).localName;
    if (name === 'body' || name === 'frameset') return child as Element;
  }
  return null;
}

export function readPage(doc: Document, limits: ReadLimits = DEFAULT_LIMITS): PageFacts {
  const blocks: TextBlock[] = [];
  const fields = emptyFields();
  const passwordInputs: PendingPasswordField[] = [];
  const labelsByTarget = new Map<string, LabelText>();
  let longParagraphs = 0;
  let charsLeft = limits.maxChars;
  let truncated = false;

  let pending = '';
  let pendingFlags = 0;
  let pendingContainer = '';

  const flush = () => {
    const text = pending.replace(/\s+/g, ' ').trim();
    if (text) {
      blocks.push({ text, flags: pendingFlags, container: pendingContainer });
      if (text.length >= 80 && PARAGRAPHS.has(pendingContainer)) longParagraphs++;
    }
    pending = '';
    pendingFlags = 0;
    pendingContainer = '';
  };

  const append = (text: string, frame: Frame | undefined) => {
    if (charsLeft <= 0) return;
    // Indentation between tags is most of a pretty-printed page's text nodes; it must not eat the budget.
    if (!/\S/.test(text)) {
      if (pending) pending += ' ';
      return;
    }
    const piece = text.length > charsLeft ? text.slice(0, charsLeft) : text;
    charsLeft -= piece.length;
    if (!pending) pendingContainer = frame?.container ?? '';
    pending += piece;
    pendingFlags |= frame?.flags ?? 0;
    const label = frame?.label;
    if (label && label.text.length < MAX_LABEL) label.text += piece.slice(0, MAX_LABEL - label.text.length);
  };

  const title = titleOf(doc);
  if (title) {
    append(title, { element: doc.documentElement, flags: BlockFlag.title, container: 'title', label: null, closedDetails: false });
    flush();
  }

  const root = bodyOf(doc) ?? doc.documentElement;
  const stack: Frame[] = [];
  let visits = 0;
  let node: Node | null = root ? root.firstChild : null;

  while (node) {
    if (++visits > limits.maxNodes || charsLeft <= 0) {
      truncated = true;
      break;
    }
    const parent = stack[stack.length - 1];
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue;
      if (value && !parent?.closedDetails) append(value, parent);
    } else if (node.nodeType === ELEMENT_NODE) {
      const frame = enter(node as Element, parent);
      if (frame && node.firstChild) {
        stack.push(frame);
        node = node.firstChild;
        continue;
      }
      if (frame) leave(frame);
    }
    while (node && !node.nextSibling) {
      const frame = stack.pop();
      if (!frame) {
        node = null;
        break;
      }
      leave(frame);
      node = frame.element;
    }
    node = node ? node.nextSibling : null;
  }
  flush();

  for (const input of passwordInputs) {
    const described = `${input.descriptor} ${input.label?.text ?? ''} ${labelsByTarget.get(input.id)?.text ?? ''}`;
    if (input.autocomplete.includes('new-password') || NEW_FIELD.test(described)) fields.newPasswordFields++;
    else if (input.autocomplete.includes('current-password') || CURRENT_FIELD.test(described)) fields.currentPasswordFields++;
  }

  return { blocks, fields, longParagraphs, truncated };

  function enter(element: Element, parent: Frame | undefined): Frame | null {
    const tag = element.localName;
    if (SKIPPED.has(tag) || isHidden(element)) return null;
    if (parent?.closedDetails && tag !== 'summary') return null;
    const inline = INLINE.has(tag);
    if (!inline) flush();
    if (tag === 'input' || tag === 'select' || tag === 'textarea') {
      noteField(element, tag, parent);
      return null;
    }
    if (tag === 'br' || tag === 'img' || tag === 'hr') return null;
    const frame: Frame = {
      element,
      flags: (parent?.flags ?? 0) | ownFlags(element, tag),
      container: inline ? (parent?.container ?? tag) : tag,
      label: parent?.label ?? null,
      closedDetails: tag === 'details' && !element.hasAttribute('open'),
    };
    if (tag === 'label') {
      frame.label = { text: '' };
      const target = element.getAttribute('for');
      if (target) labelsByTarget.set(target, frame.label);
    }
    if (tag === 'q') append('“', frame);
    return frame;
  }

  function leave(frame: Frame): void {
    const tag = frame.element.localName;
    if (tag === 'q') append('”', frame);
    if (!INLINE.has(tag)) flush();
  }

  function noteField(element: Element, tag: string, parent: Frame | undefined): void {
    if (tag === 'select') {
      fields.selects++;
      return;
    }
    if (tag !== 'input') return;
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'number') fields.numberInputs++;
    else if (type === 'checkbox' || type === 'radio') fields.checkboxes++;
    else if (type === 'password') {
      fields.passwordFields++;
      const descriptor = ['name', 'id', 'placeholder', 'aria-label', 'title', 'data-se', 'class']
        .map((attribute) => element.getAttribute(attribute) ?? '')
        .join(' ');
      passwordInputs.push({
        descriptor,
        id: element.getAttribute('id') ?? '',
        autocomplete: (element.getAttribute('autocomplete') ?? '').toLowerCase(),
        label: parent?.label ?? null,
      });
    }
  }
}

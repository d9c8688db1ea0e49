import { bodyOf, titleOf } from './page-reader';
import { PASSWORD_NOUNS } from './password-nouns';

/**
 * The watcher's cheap question, asked on every watched page: could this page be about the user's password at all?
 * Yes when it has a password field, or when its first few thousand visible characters name a password in any
 * language the product bundles ship. Only then is the full classifier loaded. Bounded: a fixed number of nodes
 * and characters, whatever the page; it never reads a field's value.
 */

export const PRECHECK_LIMITS = { maxNodes: 4_000, maxChars: 30_000 } as const;

/** Other spellings found in the same bundles' messages ("Kodeordet er udløbet…", Okta da) and "Kennwort" (de). */
const EXTRA_NOUNS = ['kodeord', 'kennwort'];

// Inflected forms share the start: "пароля", "hasła", "parola", "lösenordet".
const stem = (noun: string) => (noun.length > 4 ? noun.slice(0, -1) : noun);
const NOUN = new RegExp(
  [...PASSWORD_NOUNS, ...EXTRA_NOUNS].map((noun) => stem(noun).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'u',
);

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);

export function namesPassword(text: string): boolean {
  return NOUN.test(text.normalize('NFKC').toLowerCase());
}

export function looksRelevant(doc: Document, limits: { maxNodes: number; maxChars: number } = PRECHECK_LIMITS): boolean {
  // document.title and document.body search the whole tree recursively in some DOMs: a deep page overflows them.
  if (namesPassword(titleOf(doc))) return true;
  const root = bodyOf(doc) ?? doc.documentElement;
  if (!root) return false;
  // One iterative walk (firstChild / nextSibling / parentNode), stopped after a fixed number of nodes: no selector
  // query over the whole tree, no recursion a deep DOM could overflow, no TreeWalker (slow in some DOMs).
  let text = '';
  let nodes = 0;
  let node: Node | null = root.firstChild;
  while (node && nodes < limits.maxNodes && text.length < limits.maxChars) {
    nodes++;
    let descend = false;
    if (node.nodeType === 1) {
      const element = node as Element;
      if (element.localName === 'input' && element.getAttribute('type')?.toLowerCase() === 'password') return true;
      descend = !SKIP.has(element.localName);
    } else if (node.nodeType === 3) {
      const value = node.nodeValue;
      if (value && /\S/.test(value)) text += ` ${value.slice(0, limits.maxChars - text.length)}`;
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return namesPassword(text);
}

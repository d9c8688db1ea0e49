/**
 * A rendered screen as plain data, so that a page can paint it again before its own script has loaded: elements,
 * attributes and text, rebuilt with createElement and setAttribute. No HTML string is ever parsed, and nothing that
 * runs code (an `on…` attribute, a `javascript:` address) is kept or rebuilt.
 */
export type FrameNode = string | FrameElement;
/** [tag, attributes, children, namespace]: the namespace only for SVG. */
export type FrameElement = [tag: string, attributes: Record<string, string>, children: FrameNode[], svg?: 1];

const svgNamespace = 'http://www.w3.org/2000/svg';
/** Elements a screen never needs painted again: code, embedded documents, and what the page holds but does not show. */
const skippedTags = new Set(['script', 'style', 'link', 'iframe', 'object', 'embed', 'template', 'noscript']);
const urlAttributes = new Set(['href', 'src', 'xlink:href', 'action', 'formaction']);

/** Whether an attribute may be kept and rebuilt: never an event handler, never a script address, never an input's value. */
export function keptAttribute(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('on') || lower === 'value' || lower === 'srcdoc') return false;
  if (!urlAttributes.has(lower)) return true;
  // URL parsers drop spaces and control characters around and tabs and newlines inside a scheme: "\n java\tscript:" is one.
  const squeezed = Array.from(value, (c) => (c.charCodeAt(0) > 32 ? c : '')).join('');
  return !/^javascript:/i.test(squeezed);
}

/** The children of `root` as data. Form controls' current state (a ticked box, a chosen option) goes in as attributes; values never. */
export function frameOf(root: Element): FrameNode[] {
  const nodes: FrameNode[] = [];
  for (const child of root.childNodes) {
    if (child.nodeType === 3) nodes.push(child.textContent ?? '');
    else if (child.nodeType === 1) {
      const element = child as Element;
      const tag = element.localName;
      if (skippedTags.has(tag)) continue;
      const attributes: Record<string, string> = {};
      for (const attribute of element.attributes) {
        if (keptAttribute(attribute.name, attribute.value)) attributes[attribute.name] = attribute.value;
      }
      delete attributes.checked;
      delete attributes.selected;
      if ((element as HTMLInputElement).checked === true) attributes.checked = '';
      if ((element as HTMLOptionElement).selected === true && tag === 'option') attributes.selected = '';
      const node: FrameElement = [tag, attributes, frameOf(element)];
      if (element.namespaceURI === svgNamespace) node.push(1);
      nodes.push(node);
    }
  }
  return nodes;
}

/** Whether `value` has the shape frameOf gives (read back from storage: anything else is not painted). */
export function isFrame(value: unknown): value is FrameNode[] {
  return Array.isArray(value) && value.every(isFrameNode);
}

function isFrameNode(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (!Array.isArray(value) || value.length < 3 || value.length > 4) return false;
  const [tag, attributes, children] = value as unknown[];
  return (
    typeof tag === 'string' &&
    /^[a-z][a-z0-9-]*$/i.test(tag) &&
    typeof attributes === 'object' &&
    attributes !== null &&
    !Array.isArray(attributes) &&
    Object.values(attributes).every((v) => typeof v === 'string') &&
    Array.isArray(children) &&
    children.every(isFrameNode)
  );
}

/** The nodes rebuilt in `document`, with the same rules as frameOf (so a tampered copy cannot add a handler either). */
export function buildFrame(document: Document, nodes: FrameNode[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const node of nodes) fragment.append(buildNode(document, node));
  return fragment;
}

function buildNode(document: Document, node: FrameNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const [tag, attributes, children, svg] = node;
  if (skippedTags.has(tag.toLowerCase())) return document.createTextNode('');
  const element = svg ? document.createElementNS(svgNamespace, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (!keptAttribute(name, value)) continue;
    try {
      element.setAttribute(name, value);
    } catch {
      // A name the DOM refuses: the attribute is left out, the screen still paints.
    }
  }
  for (const child of children) element.append(buildNode(document, child));
  return element;
}

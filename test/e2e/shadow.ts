import type { CDPSession, Page } from 'playwright-core';
import { promptHostAttribute } from '@/components/prompt/prompt';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * Page scripts (and Playwright's locators) cannot see into a closed shadow root; the DevTools
 * protocol can. These helpers read and click inside the prompt the way DevTools would.
 */
type Send = (method: string, params?: object) => Promise<unknown>;

/**
 * One DevTools session per read, detached after it (a poll reads many times; sessions left open pile up in the page).
 * `read` gets a plain `send`, and the session itself for the events it needs.
 */
async function withSession<T>(page: Page, read: (send: Send, cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await read((method, params) => cdp.send(method as 'DOM.getDocument', params as never) as Promise<unknown>, cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function documentTree(send: Send): Promise<CdpNode> {
  const { root } = (await send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  return root;
}

function walk(node: CdpNode, visit: (node: CdpNode) => void): void {
  visit(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, visit);
}

interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
  parentId?: string;
  backendDOMNodeId?: number;
}

function promptHost(root: CdpNode): CdpNode | undefined {
  let host: CdpNode | undefined;
  walk(root, (n) => {
    if (n.nodeName === 'DIV' && (n.attributes ?? []).includes(promptHostAttribute)) host = n;
  });
  return host;
}

/**
 * The prompt as a screen reader gets it: the accessibility tree below the host, in reading order. Its words are CSS
 * generated content (so a page's `window.find()` cannot match them), which only the accessibility tree and the
 * rendering carry — not the DOM's text nodes.
 */
async function promptAccessibility(send: Send): Promise<AxNode[] | null> {
  const root = await documentTree(send);
  const host = promptHost(root);
  if (!host) return null;
  // The host itself has no accessibility node (it is a plain, unstyled div): start from the topmost nodes of its
  // shadow tree, and reach the generated text (which has no DOM node) through their children.
  const inPrompt = new Set<number>();
  walk(host, (n) => inPrompt.add(n.backendNodeId));
  const { nodes } = (await send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const belongs = (node: AxNode | undefined) => node?.backendDOMNodeId !== undefined && inPrompt.has(node.backendDOMNodeId);
  const below: AxNode[] = [];
  const seen = new Set<string>();
  const visit = (node: AxNode | undefined) => {
    if (!node || seen.has(node.nodeId)) return;
    seen.add(node.nodeId);
    below.push(node);
    for (const id of node.childIds ?? []) visit(byId.get(id));
  };
  for (const node of nodes) if (belongs(node) && !belongs(byId.get(node.parentId ?? ''))) visit(node);
  return below.filter((node) => !node.ignored);
}

/** The prompt's text as read out, or null when the page shows no prompt. */
export async function promptText(page: Page): Promise<string | null> {
  const nodes = await withSession(page, promptAccessibility);
  if (!nodes) return null;
  return nodes
    .filter((node) => node.role?.value === 'StaticText')
    .map((node) => node.name?.value ?? '')
    .join('');
}

/** A real (trusted) click in the middle of the prompt button with this accessible name. */
export async function clickPromptButton(page: Page, label: string): Promise<void> {
  const content = await withSession(page, async (send) => {
    const nodes = await promptAccessibility(send);
    const target = nodes?.find((node) => node.role?.value === 'button' && node.name?.value === label);
    if (target?.backendDOMNodeId === undefined) throw new Error(`No prompt button "${label}"`);
    const { model } = (await send('DOM.getBoxModel', { backendNodeId: target.backendDOMNodeId })) as { model: { content: number[] } };
    return model.content;
  });
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/** The prompt's box in CSS px (its outer border box), or null when the page shows no prompt. */
export async function promptBox(page: Page): Promise<{ left: number; right: number; top: number; bottom: number } | null> {
  return withSession(page, async (send) => {
    const root = await documentTree(send);
    let box: CdpNode | undefined;
    walk(root, (n) => {
      const attributes = n.attributes ?? [];
      const classIndex = attributes.findIndex((name, i) => i % 2 === 0 && name === 'class');
      if (classIndex >= 0 && (attributes[classIndex + 1] ?? '').split(' ').includes('box')) box = n;
    });
    if (!box) return null;
    const { model } = (await send('DOM.getBoxModel', { backendNodeId: box.backendNodeId })) as { model: { border: number[] } };
    const xs = model.border.filter((_, i) => i % 2 === 0);
    const ys = model.border.filter((_, i) => i % 2 === 1);
    return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
  });
}

/**
 * Why a page shows no prompt, for a failing test's message: every script world in the page (the page's own, and the
 * extension's content-script world: did the watcher hand over, did the classifier run, is the host there). Read
 * through the DevTools protocol, which reaches the isolated worlds.
 */
export async function promptDiagnostics(page: Page): Promise<string> {
  return withSession(page, async (send, cdp) => {
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as (typeof contexts)[number]));
    await send('Runtime.enable');
    const worlds: unknown[] = [];
    for (const context of contexts) {
      const { result } = (await send('Runtime.evaluate', {
        contextId: context.id,
        returnByValue: true,
        expression: `({ classifier: globalThis.__rekeyExpiryClassifier === true, readyState: document.readyState,
          url: location.href, attacks: globalThis.__rekeyAttacks, host: !!document.querySelector('div[data-rekey-prompt]') })`,
      })) as { result: { value?: object } };
      worlds.push({ name: context.name, type: context.auxData?.type, ...result.value });
    }
    return JSON.stringify(worlds);
  });
}

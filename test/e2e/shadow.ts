import type { Page } from 'playwright-core';
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
async function documentTree(page: Page): Promise<{ root: CdpNode; send: (method: string, params?: object) => Promise<unknown> }> {
  const cdp = await page.context().newCDPSession(page);
  const send = (method: string, params?: object) => cdp.send(method as 'DOM.getDocument', params as never) as Promise<unknown>;
  const { root } = (await send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  return { root, send };
}

function walk(node: CdpNode, visit: (node: CdpNode) => void): void {
  visit(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, visit);
}

function textOf(node: CdpNode): string {
  let text = '';
  walk(node, (n) => {
    if (n.nodeName === '#text') text += n.nodeValue ?? '';
  });
  return text;
}

/** The text inside the prompt's shadow root, or null when the page shows no prompt. */
export async function promptText(page: Page): Promise<string | null> {
  const { root } = await documentTree(page);
  let host: CdpNode | undefined;
  walk(root, (n) => {
    if (n.nodeName === 'DIV' && (n.attributes ?? []).includes(promptHostAttribute)) host = n;
  });
  return host ? textOf(host) : null;
}

export async function clickPromptButton(page: Page, label: string): Promise<void> {
  const { root, send } = await documentTree(page);
  let target: CdpNode | undefined;
  walk(root, (n) => {
    if (n.nodeName === 'BUTTON' && textOf(n).trim() === label) target = n;
  });
  if (!target) throw new Error(`No prompt button "${label}"`);
  const { model } = (await send('DOM.getBoxModel', { backendNodeId: target.backendNodeId })) as { model: { content: number[] } };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/** The prompt's box in CSS px (its outer border box), or null when the page shows no prompt. */
export async function promptBox(page: Page): Promise<{ left: number; right: number; top: number; bottom: number } | null> {
  const { root, send } = await documentTree(page);
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
}

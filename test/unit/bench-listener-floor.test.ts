import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
/** `browser.runtime.onMessage.addListener(` → 'runtime.onMessage', one entry per event, whichever file registers it. */
const events = (source: string, global: string) =>
  [...new Set([...source.matchAll(new RegExp(`${global}\\.(\\w+\\.\\w+)\\??\\.addListener\\(`, 'g'))].map((m) => m[1]!))].sort();

it("the cold-start bench's listener floor registers the same events as Rekey's worker at start", () => {
  const rekey = events(read('entrypoints/background/listeners.ts') + read('entrypoints/background/settings.ts'), 'browser');
  expect(rekey).toContain('runtime.onMessage');
  expect(events(read('bench/listener-floor-extension/floor-worker.js'), 'chrome')).toEqual(rekey);
});

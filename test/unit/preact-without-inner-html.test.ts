// @vitest-environment happy-dom
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutHtmlSink } from '@/scripts/preact-without-inner-html';

type Preact = typeof import('preact');

/** The Preact bundle the build uses (package.json "exports" → dist/preact.mjs), exactly as installed. */
const installedPreact = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');
// Inside the project (git-ignored): the test runner loads modules from there, not from /tmp.
const cache = join(import.meta.dirname, '../../node_modules/.cache');
mkdirSync(cache, { recursive: true });
const scratch = mkdtempSync(join(cache, 'rekey-preact-'));

/** Loads a variant of Preact's bundle as its own module, so the built and the original copy can be compared. */
async function loadPreact(name: string, code: string): Promise<Preact> {
  const file = join(scratch, `${name}.mjs`);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ file)) as Preact;
}

const markup = { __html: '<img src="x" data-injected="yes">' };

describe("the build's Preact has no HTML sink (web-ext lint UNSAFE_VAR_ASSIGNMENT)", () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('the installed Preact does write dangerouslySetInnerHTML into the page (what the build removes)', async () => {
    const preact = await loadPreact('original', installedPreact);
    const root = document.createElement('div');
    preact.render(preact.h('div', { dangerouslySetInnerHTML: markup }), root);
    expect(root.querySelector('[data-injected]')).not.toBeNull();
  });

  it("the build's Preact refuses it with an error instead, and still renders ordinary content", async () => {
    const built = withoutHtmlSink(installedPreact);
    expect(built).not.toMatch(/\.innerHTML=/);
    const preact = await loadPreact('built', built);
    const root = document.createElement('div');
    expect(() => preact.render(preact.h('div', { dangerouslySetInnerHTML: markup }), root)).toThrow(/dangerouslySetInnerHTML is disabled/);
    expect(root.querySelector('[data-injected]')).toBeNull();
    const fresh = document.createElement('div');
    preact.render(preact.h('p', { class: 'note' }, 'Password changed'), fresh);
    expect(fresh.innerHTML).toBe('<p class="note">Password changed</p>');
  });

  it('fails the build when Preact no longer has exactly one sink of that shape', () => {
    expect(() => withoutHtmlSink('export const nothing = 1;')).toThrow(/found 0/);
    expect(() => withoutHtmlSink('a.innerHTML=b.__html;c.innerHTML=d.__html')).toThrow(/found 2/);
  });
});

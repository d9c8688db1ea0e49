import { describe, expect, it } from 'vitest';
import { inlineStylesheets } from '@/scripts/inline-page-css';

const page = (head: string) => `<!doctype html><html><head>${head}</head><body><div id="app"></div></body></html>`;
const assets: Record<string, string> = { 'assets/theme-1.css': ':root{--bg:#fff}', 'assets/popup-2.css': '.popup{width:360px}' };

describe("the popup's stylesheets written into its HTML (no request before the first paint)", () => {
  it('replaces each packaged stylesheet link with the file itself, in the same order, and leaves scripts alone', () => {
    const html = page(
      '<script type="module" crossorigin src="/chunks/popup-3.js"></script>' +
        '<link rel="stylesheet" crossorigin href="/assets/theme-1.css">' +
        '<link rel="stylesheet" crossorigin href="/assets/popup-2.css">',
    );
    expect(inlineStylesheets(html, (file) => assets[file])).toBe(
      page(
        '<script type="module" crossorigin src="/chunks/popup-3.js"></script><style>:root{--bg:#fff}</style><style>.popup{width:360px}</style>',
      ),
    );
  });

  it('fails the build for a link to a stylesheet the bundle does not have, rather than ship an unstyled popup', () => {
    expect(() => inlineStylesheets(page('<link rel="stylesheet" href="/assets/gone.css">'), (file) => assets[file])).toThrow(/gone\.css/);
  });

  it('refuses a stylesheet that would close the <style> element early', () => {
    const hostile = { 'assets/x.css': '.a::after{content:"</style><script src=/x.js></script>"}' };
    expect(() =>
      inlineStylesheets(page('<link rel="stylesheet" href="/assets/x.css">'), (file) => hostile[file as 'assets/x.css']),
    ).toThrow(/<\/style/);
  });
});

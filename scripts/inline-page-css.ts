import type { Plugin } from 'vite';

/**
 * The popup's stylesheets, written into its HTML as <style> elements instead of <link>ed files. Each packaged file
 * an extension page loads is one more request through the browser process, and stylesheets hold back the first
 * paint; measured in the popup's first paint (bench/browser.ts), the two links cost it about 15 ms with a warm worker
 * on a 2-core machine. The extension pages' CSP restricts scripts only, so the styles apply; the files stay in the
 * package (the options page and the lazily loaded password screen link them too).
 */

interface CssAsset {
  type: 'asset';
  source: string | Uint8Array;
}

const stylesheetLink = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;

/** `html` with every packaged stylesheet link replaced by the file's text; fails the build on a link it cannot resolve. */
export function inlineStylesheets(html: string, readAsset: (fileName: string) => string | undefined): string {
  return html.replace(stylesheetLink, (link) => {
    const href = /\bhref="\/?([^"]+)"/.exec(link)?.[1];
    const css = href === undefined ? undefined : readAsset(href);
    if (css === undefined) throw new Error(`inline-page-css: no packaged stylesheet for ${link}`);
    // "</style" inside the CSS would end the element early (a string or comment could hold it): refuse, never escape.
    if (/<\/style/i.test(css)) throw new Error(`inline-page-css: ${href} contains "</style"`);
    return `<style>${css}</style>`;
  });
}

/** Vite plugin: inlines the stylesheets of the HTML pages whose names end in one of `pages` (e.g. 'popup.html'). */
export function inlinePageCss(pages: string[]): Plugin {
  return {
    name: 'rekey:inline-page-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle || !pages.some((page) => context.filename.endsWith(page) || context.path.endsWith(page))) return html;
        return inlineStylesheets(html, (fileName) => {
          const asset = bundle[fileName] as CssAsset | { type: string } | undefined;
          if (asset?.type !== 'asset') return undefined;
          const { source } = asset as CssAsset;
          return typeof source === 'string' ? source : new TextDecoder().decode(source);
        });
      },
    },
  };
}

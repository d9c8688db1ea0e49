import type { Plugin } from 'vite';

/**
 * The popup's module script, started by popup-frame.js instead of by the HTML (entrypoints/popup-frame.ts): when a
 * kept frame was painted, only after that frame is on screen. A module in the HTML is fetched, compiled and run
 * before the browser paints anything once it is ready (Firefox, measured: the kept frame waited 13 ms for it), so
 * the frame could not paint ahead of it. The HTML names the module on the classic script (`data-module`).
 */
const moduleScript = /<script type="module" crossorigin src="(\/[^"]+\.js)"><\/script>\s*/g;
const framePainter = '<script src="/popup-frame.js"></script>';

/** `html` with its one module script handed to the frame painter; fails the build if the page has another shape. */
export function moduleAfterFrame(html: string): string {
  const modules = [...html.matchAll(moduleScript)];
  if (modules.length !== 1 || !html.includes(framePainter)) {
    throw new Error(`module-after-frame: expected one module script and ${framePainter}, found ${modules.length} module scripts`);
  }
  const src = modules[0]![1]!;
  return html.replace(moduleScript, '').replace(framePainter, `<script src="/popup-frame.js" data-module="${src}"></script>`);
}

/** Vite plugin: applies `moduleAfterFrame` to the page whose file name ends in `page`. */
export function moduleAfterFramePlugin(page: string): Plugin {
  return {
    name: 'rekey:module-after-frame',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!(context.filename.endsWith(page) || context.path.endsWith(page))) return html;
        return moduleAfterFrame(html);
      },
    },
  };
}

import type { Plugin } from 'vite';

/**
 * Preact's only HTML sink is `dom.innerHTML = props.dangerouslySetInnerHTML.__html` (src/diff/index.js),
 * minified in dist/preact.mjs. Rekey never renders HTML from a string, yet the sink ships with Preact and
 * AMO's linter (web-ext lint, UNSAFE_VAR_ASSIGNMENT) rightly flags it; the linter ignores inline
 * suppressions (ESLint runs with allowInlineConfig: false). So the build replaces the assignment with a
 * throw: the prop cannot turn a string into markup in any page of the extension, and the warning goes.
 */
const htmlSink = /[\w$]+\.innerHTML=[\w$]+\.__html/g;
const refusal = '(()=>{throw new TypeError("Rekey renders no HTML from strings: dangerouslySetInnerHTML is disabled")})()';
const preactBundle = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;

/** Preact's bundle with its innerHTML assignment replaced by a throw; fails loudly if Preact's code changed shape. */
export function withoutHtmlSink(code: string): string {
  const sinks = code.match(htmlSink) ?? [];
  if (sinks.length !== 1) {
    throw new Error(
      `preact-without-inner-html: expected one "x.innerHTML=y.__html" in Preact's bundle, found ${sinks.length}. ` +
        'Preact changed: find its HTML sink again (web-ext lint flags it as UNSAFE_VAR_ASSIGNMENT).',
    );
  }
  return code.replace(htmlSink, refusal);
}

/** Vite plugin: applies `withoutHtmlSink` to Preact's bundle in every build of the extension. */
export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'rekey:preact-without-inner-html',
    transform(code, id) {
      if (!preactBundle.test(id.split('?')[0] ?? id)) return null;
      return { code: withoutHtmlSink(code), map: null };
    },
  };
}

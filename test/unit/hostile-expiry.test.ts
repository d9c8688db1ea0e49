import fc from 'fast-check';
import { Window } from 'happy-dom';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { detectExpiry, type ExpiryVerdict } from '@/utils/expiry';
import { looksRelevant } from '@/utils/expiry/precheck';
import { isMatchPattern, matchesPattern, parseExpirySites, permissionOrigin, sourceForPage } from '@/utils/expiry/sites';
import { casesRun, check, counted, edgyNumber, nastyString, timed } from '../fixtures/hostile/arbitraries';

/**
 * Hostile pages: the content script reads every watched page, and a page controls all of its markup. Whatever
 * it contains (random or broken markup, absurd nesting, megabytes of text, text added by script, phrases
 * meant to trick the detector), detectExpiry returns a verdict quickly and never fails inside.
 */

const jsdom = new JSDOM('', { url: 'https://login.corp.example/' });
/** A parsed page and how to release it: happy-dom keeps a window's documents until the window is aborted. */
interface Parsed {
  doc: Document;
  dispose(): Promise<void>;
}
const parsers: Record<'jsdom' | 'happy-dom', (html: string) => Parsed> = {
  jsdom: (html) => ({ doc: new jsdom.window.DOMParser().parseFromString(html, 'text/html'), dispose: async () => undefined }),
  'happy-dom': (html) => {
    const window = new Window({ url: 'https://login.corp.example/' });
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    return { doc, dispose: () => window.happyDOM.abort() };
  },
};
const maxDepth: Record<keyof typeof parsers, number> = { jsdom: 800, 'happy-dom': 20_000 };

const phrases = [
  'Your password has expired.',
  'Your password will expire in 3 days.',
  'Your password will expire in 99999999999999999999999 days.',
  'Your password expires in 0 hours',
  'You must change your password before you continue.',
  'Ihr Kennwort läuft in 5 Tagen ab.',
  'Votre mot de passe a expiré.',
  'パスワードの有効期限はあと3日です。',
  'Does your password expire? Passwords never expire here.',
  'Your session has expired.',
  'password password password expired expired',
];

const tags = [
  'div',
  'p',
  'span',
  'h1',
  'h2',
  'li',
  'ul',
  'a',
  'button',
  'form',
  'label',
  'main',
  'nav',
  'footer',
  'dialog',
  'details',
  'summary',
  'q',
  'blockquote',
  'pre',
  'table',
  'td',
  'template',
  'script',
  'style',
  'iframe',
  'svg',
  'math',
  'title',
  'select',
  'textarea',
  'x-custom',
];
const attributes = [
  'role="alert"',
  'aria-live="assertive"',
  'aria-hidden="true"',
  'hidden',
  'style="display:none"',
  'class="alert error hidden"',
  'open',
  'type="password"',
  'autocomplete="new-password"',
  'role="heading"',
  'for="x"',
  'id="x"',
];

const text = fc.oneof(
  { arbitrary: fc.constantFrom(...phrases), weight: 4 },
  { arbitrary: nastyString, weight: 4 },
  {
    arbitrary: fc.constantFrom('&lt;', '&#x0;', '&#xD800;', '&nbsp;', '<!-- comment -->', '<![CDATA[x]]>', '</div>', '<', '"\'><'),
    weight: 2,
  },
);

/** Random markup: elements with hostile attributes, unclosed and stray tags, phrases and garbage as text. */
const markup: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? text
    : fc.oneof(
        text,
        fc
          .tuple(
            fc.constantFrom(...tags),
            fc.subarray(attributes, { maxLength: 3 }),
            fc.array(markup(depth - 1), { maxLength: 4 }),
            fc.boolean(),
          )
          .map(([tag, attrs, children, close]) => `<${tag} ${attrs.join(' ')}>${children.join('')}${close ? `</${tag}>` : ''}`),
        fc.constantFrom(
          '<input type="password" name="new">',
          '<input type="number">',
          '<input type="checkbox">',
          '<br>',
          '<img src=x onerror="document.body.innerHTML=1">',
        ),
      ),
);

/**
 * Huge pages are built through the DOM, as a page's script would build them: the HTML parsers nest at most
 * 512 deep in browsers and are quadratic in jsdom, and both DOMs here attach a built subtree recursively
 * (overflowing their own stack), so deep pages grow top-down. jsdom's insertion is quadratic too: it gets
 * shallower ones.
 */
type Bulk = { kind: 'deep' | 'huge-text' | 'many-blocks'; size: number; phrase: string };
const bulk = (maxDepth: number): fc.Arbitrary<Bulk | null> =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: 20 },
    {
      arbitrary: fc.record({
        kind: fc.constant('deep' as const),
        size: fc.integer({ min: 200, max: maxDepth }),
        phrase: fc.constantFrom(...phrases),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('huge-text' as const),
        size: fc.integer({ min: 100_000, max: 1_000_000 }),
        phrase: fc.constantFrom(...phrases),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('many-blocks' as const),
        size: fc.integer({ min: 1_000, max: 5_000 }),
        phrase: fc.constantFrom(...phrases),
      }),
      weight: 1,
    },
  );

function build(doc: Document, { kind, size, phrase }: Bulk): void {
  const body = doc.body ?? doc.documentElement;
  if (!body) return;
  if (kind === 'deep') {
    let parent: Element = body;
    for (let i = 0; i < size; i++) parent = parent.appendChild(doc.createElement(i % 2 ? 'span' : 'div'));
    parent.appendChild(doc.createTextNode(phrase));
  } else if (kind === 'huge-text') {
    body.appendChild(doc.createElement('p')).appendChild(doc.createTextNode(`${'lorem ipsum '.repeat(size / 12)}${phrase}`));
  } else {
    for (let i = 0; i < size; i++) body.appendChild(doc.createElement('li')).appendChild(doc.createTextNode(phrase));
  }
}

const pageUrl = fc.oneof(
  fc.constantFrom('https://login.corp.example/', 'https://corp.example/help/passwords', 'https://corp.example/admin/policies'),
  fc.webUrl(),
  nastyString,
);

/** What a page's own scripts can do after load: add text anywhere, hide and show, open shadow roots. */
const scriptEdits = fc.array(
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('text', 'attribute', 'shadow', 'remove'),
    value: text,
    attribute: fc.constantFrom(...attributes),
  }),
  { maxLength: 6 },
);

function applyScriptEdits(
  doc: Document,
  edits: fc.Arbitrary<unknown> extends never ? never : Array<{ at: number; kind: string; value: string; attribute: string }>,
) {
  const elements = Array.from(doc.querySelectorAll('*'));
  for (const edit of edits) {
    const target = elements[edit.at % Math.max(1, elements.length)] ?? doc.body;
    if (!target) continue;
    try {
      if (edit.kind === 'text') target.appendChild(doc.createTextNode(edit.value));
      else if (edit.kind === 'attribute') {
        const [name, value = ''] = edit.attribute.replace(/"/g, '').split('=');
        target.setAttribute(name!, value);
      } else if (edit.kind === 'shadow') {
        target.attachShadow({ mode: 'open' }).appendChild(doc.createTextNode(edit.value));
      } else target.remove();
    } catch {
      // The DOM refused this edit (no shadow root on <p>, say), as a browser would: the page simply stays as it was.
    }
  }
}

function checkVerdict(verdict: ExpiryVerdict): void {
  check(['expired', 'expiring', 'none'].includes(verdict.kind), `kind ${verdict.kind}`);
  check(typeof verdict.reason === 'string', 'no reason');
  check(!verdict.reason.startsWith('error:'), `the detector failed inside: ${verdict.reason}`);
  if (verdict.daysLeft !== undefined) check(Number.isFinite(verdict.daysLeft) && verdict.daysLeft >= 0, `daysLeft ${verdict.daysLeft}`);
}

// Slow inputs (deep DOMs, many generated pages) on a loaded 2-core machine: the bounds that matter are timed() inside.
describe('hostile expiry pages', { timeout: 30_000 }, () => {
  afterAll(() => {
    console.info('hostile-expiry cases:', [...casesRun].map(([name, runs]) => `${name}=${runs}`).join(', '));
  });

  for (const [name, parse] of Object.entries(parsers) as Array<[keyof typeof parsers, (html: string) => Parsed]>) {
    it(`${name}: any markup, URL and script edits give a verdict within the time bound`, async () => {
      await fc.assert(
        fc.asyncProperty(markup(5), bulk(maxDepth[name]), pageUrl, scriptEdits, async (html, bulky, url, edits) => {
          const { doc, dispose } = parse(`<!doctype html><html><head><title>Sign in</title></head><body>${html}</body></html>`);
          try {
            // Edits first: the DOMs' own querySelectorAll recurses and would overflow on the deep pages.
            applyScriptEdits(doc, edits);
            if (bulky) build(doc, bulky);
            checkVerdict(timed(1_500, () => detectExpiry(doc, url)));
            // The watcher's pre-check runs on every watched page, before any of this: it must answer as surely.
            check(typeof timed(1_500, () => looksRelevant(doc)) === 'boolean', 'pre-check gave no answer');
          } finally {
            await dispose();
          }
        }),
        counted(`detectExpiry (${name})`, 300),
      );
    }, 60_000);
  }

  it('does not overflow the stack on a 60 000-deep page with a 100 000-character title', async () => {
    const { doc, dispose } = parsers['happy-dom'](
      `<!doctype html><html><head><title>${'t'.repeat(100_000)}</title></head><body></body></html>`,
    );
    build(doc, { kind: 'deep', size: 60_000, phrase: 'Your password has expired.' });
    checkVerdict(timed(3_000, () => detectExpiry(doc, 'https://login.corp.example/')));
    check(typeof timed(3_000, () => looksRelevant(doc)) === 'boolean', 'pre-check gave no answer');
    await dispose();
    // Building 60 000 levels takes seconds on a loaded machine; the time bounds that matter are the ones above.
  }, 30_000);

  it('still reads a deep page whose script removed the body, in either DOM', async () => {
    for (const [name, parse] of Object.entries(parsers) as Array<[keyof typeof parsers, (html: string) => Parsed]>) {
      const { doc, dispose } = parse('<!doctype html><html><head><title>Sign in</title></head><body></body></html>');
      doc.body.remove();
      build(doc, { kind: 'deep', size: Math.min(8_000, maxDepth[name]), phrase: 'Your password has expired.' });
      const verdict = timed(3_000, () => detectExpiry(doc, 'https://login.corp.example/'));
      checkVerdict(verdict);
      expect(verdict.kind).toBe('expired');
      await dispose();
    }
  });

  it('a page cannot make the watched-site helpers throw, whatever URL or admin pattern they see', () => {
    const pattern = fc.oneof(
      nastyString,
      fc.constantFrom('https://*/*', '*://*/*', 'http://127.0.0.1/* | G Suite', 'https://*.corp.example/a*b*c*d*e*f*g*h*'),
      fc.webUrl().map((u) => `${u}/*`),
    );
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 5 }), fc.oneof(fc.webUrl({ withQueryParameters: true }), nastyString), (patterns, url) => {
        const sites = parseExpirySites(patterns);
        timed(200, () => {
          for (const site of sites) {
            check(isMatchPattern(site.pattern), 'kept an invalid pattern');
            matchesPattern(url, site.pattern);
            permissionOrigin(site.pattern);
          }
          sourceForPage(url, sites, ['Active Directory', 'G Suite']);
        });
      }),
      counted('watched sites', 2_000),
    );
    expect(matchesPattern('https://a.example/x', 'https://a.example/*')).toBe(true);
  });

  it('an expiry report carries only days the protocol accepts', () => {
    fc.assert(
      fc.property(edgyNumber, (days) => {
        const { doc } = parsers.jsdom(`<div role="alert">Your password will expire in ${days} days.</div>`);
        checkVerdict(detectExpiry(doc, 'https://login.corp.example/'));
      }),
      counted('days left', 500),
    );
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { generateChromeMessages, type ParsedMessage, parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { supportedLocales } from '@/utils/i18n/translate';

/**
 * The locale files against en.yml and against the code. Files are flattened by @wxt-dev/i18n's own
 * parser, so what is checked here is exactly what the build turns into _locales/<lang>/messages.json.
 */

const root = resolve(import.meta.dirname, '../..');

/** Chrome's predefined @@ messages, which the parser adds to every file. */
const isOwnMessage = (message: ParsedMessage) => !message.key[0]?.startsWith('@@');

function parseLocale(locale: string): Map<string, ParsedMessage> {
  const text = readFileSync(resolve(root, 'locales', `${locale}.yml`), 'utf8');
  return new Map(
    parseMessagesText(text, 'YAML')
      .filter(isOwnMessage)
      .map((message) => [message.key.join('.'), message]),
  );
}

function forms(message: ParsedMessage): string[] {
  if (message.type === 'plural') return Object.values(message.plurals);
  return [message.message];
}

function placeholders(message: ParsedMessage): string[] {
  const found = forms(message).flatMap((form) => [...form.matchAll(/\$([1-9])/g)].map((match) => `$${match[1]}`));
  return [...new Set(found)].sort();
}

/** Rough rendered width: CJK and other full-width characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

const english = parseLocale('en');
const translations = supportedLocales.filter((locale) => locale !== 'en');
const parsed = new Map(translations.map((locale) => [locale, parseLocale(locale)]));

describe('the locale files', () => {
  it('are exactly the languages the translator supports', () => {
    const files = readdirSync(resolve(root, 'locales'))
      .filter((file) => extname(file) === '.yml')
      .map((file) => file.replace(/\.yml$/, ''))
      .sort();
    expect(files).toEqual([...supportedLocales].sort());
  });

  it('give English plurals only the two shapes the translator understands: {1, n} or {0, 1, n}', () => {
    const malformed = [...english.values()]
      .filter((message) => message.type === 'plural')
      .map((message) => ({ key: message.key.join('.'), shape: Object.keys(message.type === 'plural' ? message.plurals : {}).join(',') }))
      .filter(({ shape }) => shape !== '1,n' && shape !== '0,1,n');
    expect(malformed).toEqual([]);
  });
});

describe.each(supportedLocales)('%s.yml', (locale) => {
  const messages = locale === 'en' ? english : parsed.get(locale)!;

  it('has no empty message and no empty plural form', () => {
    const empty = [...messages.values()].filter((message) => forms(message).some((form) => form.trim() === '')).map((m) => m.key.join('.'));
    expect(empty).toEqual([]);
  });

  it('uses "$" only for the numbered substitutions $1…$9 (Chrome reads $name$ as a named placeholder)', () => {
    const stray = [...messages.values()]
      .filter((message) => forms(message).some((form) => /\$(?![1-9])/.test(form)))
      .map((message) => message.key.join('.'));
    expect(stray).toEqual([]);
  });

  it('never puts " | " inside a plural form, where the translator splits the forms', () => {
    const broken = [...messages.values()]
      .filter((message) => message.type === 'plural' && forms(message).some((form) => form.includes(' | ')))
      .map((message) => message.key.join('.'));
    expect(broken).toEqual([]);
  });

  it('shows the count ($1) in the "n" form of every plural, which serves any number', () => {
    const countless = [...messages.values()]
      .filter((message) => message.type === 'plural' && !message.plurals.n?.includes('$1'))
      .map((message) => message.key.join('.'));
    expect(countless).toEqual([]);
  });

  it('names the extension Rekey and keeps its description within the 132 characters stores accept', () => {
    const message = (key: string) => forms(messages.get(key)!)[0]!;
    expect(message('extName')).toBe('Rekey');
    expect(message('extDescription').length).toBeLessThanOrEqual(132);
  });

  it("flattens to Chrome's messages.json rules: names of [A-Za-z0-9_] that stay unique ignoring case", () => {
    const chrome = generateChromeMessages([...messages.values()]);
    const names = Object.keys(chrome);
    expect(names.filter((name) => !/^[A-Za-z0-9_]+$/.test(name))).toEqual([]);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(messages.size);
    expect(Object.entries(chrome).filter(([, entry]) => entry.message.trim() === '')).toEqual([]);
  });
});

describe.each(translations)('%s.yml against en.yml', (locale) => {
  const messages = parsed.get(locale)!;
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const hasSingular = categories.includes('one');

  it('has every key of en.yml', () => {
    expect([...english.keys()].filter((key) => !messages.has(key))).toEqual([]);
  });

  it('has no key that en.yml lacks', () => {
    expect([...messages.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('uses the same set of $n placeholders as English for every key', () => {
    const differing = [...english]
      .filter(([key]) => messages.has(key))
      .map(([key, source]) => ({ key, english: placeholders(source), translated: placeholders(messages.get(key)!) }))
      .filter(({ english: expected, translated }) => expected.join() !== translated.join());
    expect(differing).toEqual([]);
  });

  it('keeps plural maps in the shape of English (a language without a singular may use one string instead of {1, n})', () => {
    const malformed: string[] = [];
    for (const [key, source] of english) {
      const target = messages.get(key);
      if (!target) continue;
      if (source.type !== 'plural') {
        if (target.type !== 'simple') malformed.push(`${key}: plural where English has one string`);
        continue;
      }
      const sourceShape = Object.keys(source.plurals).join(',');
      if (target.type === 'simple') {
        if (hasSingular || sourceShape !== '1,n') malformed.push(`${key}: one string where {${sourceShape}} is needed`);
        continue;
      }
      if (target.type !== 'plural') continue;
      const targetShape = Object.keys(target.plurals).join(',');
      if (targetShape !== sourceShape) malformed.push(`${key}: {${targetShape}} instead of {${sourceShape}}`);
      // The "1" form of a language without a singular is never chosen; it must not hide a different text.
      if (!hasSingular && target.plurals[1] !== target.plurals.n) malformed.push(`${key}: unreachable 1 form differs from n`);
    }
    expect(malformed).toEqual([]);
  });

  it('keeps product, protocol and API names untranslated', () => {
    const names = [
      'Rekey',
      'Identity Security Cloud',
      'SailPoint',
      'OAuth',
      'PKCS#1 v1.5',
      'RSA-OAEP',
      'SHA-1',
      'SHA-256',
      'beta',
      'v2024',
      'v2025',
      'https://acme.api.identitynow.com',
      'https://portal.example.com/*',
    ];
    const lost = [...english]
      .filter(([key]) => messages.has(key))
      .flatMap(([key, source]) => {
        const text = forms(messages.get(key)!).join(' | ');
        return names.filter((name) => forms(source).join(' | ').includes(name) && !text.includes(name)).map((name) => `${key}: ${name}`);
      });
    expect(lost).toEqual([]);
  });

  it('keeps short labels (up to 24 characters in English) within 60 % of their English width, plus 6 columns', () => {
    const tooWide = [...english]
      .filter(([key, source]) => source.type === 'simple' && source.message.length <= 24 && messages.get(key)?.type === 'simple')
      .map(([key, source]) => ({ key, english: forms(source)[0]!, translated: forms(messages.get(key)!)[0]! }))
      .filter(({ english: label, translated }) => displayWidth(translated) > Math.ceil(label.length * 1.6) + 6);
    expect(tooWide).toEqual([]);
  });
});

describe('languages whose singular also serves 0 (French: "0 jour")', () => {
  const zeroIsSingular = translations.filter((locale) => new Intl.PluralRules(locale).select(0) === 'one');

  it('include French', () => {
    expect(zeroIsSingular).toContain('fr');
  });

  it.each(zeroIsSingular)('%s.yml writes the count as $1, not a literal 1, in singular forms', (locale) => {
    const literalOne = [...parsed.get(locale)!.values()]
      .filter((message) => message.type === 'plural' && /(^|[^$\d])1(?!\d)/.test(message.plurals[1] ?? ''))
      .map((message) => message.key.join('.'));
    expect(literalOne).toEqual([]);
  });
});

/**
 * Keys the code uses. Most are string literals ('popup.signIn', mapping tables, key union types);
 * some are built from a template (`tracker.state.${part}`), which stands for every key it can produce.
 */
const sourceDirs = ['components', 'entrypoints', 'utils'];

/**
 * Keys in use that no scan of the source can see. Each needs a reason; an entry the scan finds, or
 * that is not in en.yml, fails the test below.
 */
const allowList: ReadonlyArray<{ key: string; why: string }> = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

/** Block comments and whole-line comments may name keys that are gone; they are not references. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function collectReferences(): { literals: Set<string>; templates: RegExp[] } {
  const sections = [...new Set([...english.keys()].map((key) => key.split('.')[0]!))].filter((first) =>
    [...english.keys()].some((key) => key.startsWith(`${first}.`)),
  );
  const section = `(?:${sections.map(escapeRegExp).join('|')})`;
  const literal = new RegExp(`(['"\`])(${section}\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\\1`, 'g');
  const template = new RegExp(`\`(${section}\\.[^\`]*?\\$\\{[^\`]*?)\``, 'g');
  const interpolation = /\$\{(?:[^{}]|\{[^{}]*\})*\}/g;

  const literals = new Set<string>();
  const templates: RegExp[] = [];
  const files = [...sourceDirs.flatMap((dir) => sourceFiles(resolve(root, dir))), resolve(root, 'wxt.config.ts')];
  for (const file of files) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const match of code.matchAll(literal)) literals.add(match[2]!);
    for (const match of code.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) literals.add(match[1]!);
    for (const match of code.matchAll(template)) {
      // Each ${…} stands for one key segment (letters, digits, underscores; never a dot).
      const pattern = match[1]!.split(interpolation).map(escapeRegExp).join('[A-Za-z0-9_]+');
      templates.push(new RegExp(`^${pattern}$`));
    }
  }
  return { literals, templates };
}

describe('en.yml and the code', () => {
  const { literals, templates } = collectReferences();
  const scanned = (key: string) => literals.has(key) || templates.some((pattern) => pattern.test(key));

  it('finds keys built from templates, such as tracker.state.* and options.padding_*', () => {
    expect(scanned('tracker.state.notReadable')).toBe(true);
    expect(scanned('options.padding_oaep_sha256')).toBe(true);
    expect(scanned('reminders.title.urgent')).toBe(true);
  });

  it('uses every key of en.yml (an unused key is dead text for every translator)', () => {
    const allowed = new Set(allowList.map((entry) => entry.key));
    const unused = [...english.keys()].filter((key) => !scanned(key) && !allowed.has(key));
    expect(unused).toEqual([]);
  });

  it('keeps the allow-list to keys that exist in en.yml and that the scan cannot find', () => {
    const stale = allowList.filter((entry) => !english.has(entry.key) || scanned(entry.key)).map((entry) => entry.key);
    expect(stale).toEqual([]);
  });

  it('names no key that en.yml lacks (the user would see the raw key)', () => {
    const groups = [...english.keys()].flatMap((key) => key.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.')));
    const missing = [...literals].filter((key) => !english.has(key) && !groups.includes(key));
    expect(missing).toEqual([]);
  });
});

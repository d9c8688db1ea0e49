/**
 * Readers for the message bundles the expiry miner reads (scripts/mine-expiry-strings.ts): Java .properties and
 * gettext .po catalogues, plural forms included. Pure, so their reading of escapes, continuations, plural forms and
 * fuzzy entries is tested (test/unit/expiry-bundle-parsers.test.ts).
 */

/** Java .properties: `key = value`, \uXXXX escapes, backslash-escaped quotes, trailing-backslash continuations. */
export function parseProperties(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const lines = text.replace(/\\\r?\n\s*/g, '').split(/\r?\n/);
  for (const line of lines) {
    if (/^\s*[#!]/.test(line)) continue;
    const match = /^\s*([^=:\s]+)\s*[=:]\s?(.*)$/.exec(line);
    if (!match) continue;
    const value = match[2]!
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      .replace(/\\(.)/g, '$1')
      .trim();
    map.set(match[1]!, value);
  }
  return map;
}

/** msgid → msgstr of the singular, reviewed entries (the FreeIPA catalogues). */
export function parsePo(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const unquote = (chunk: string) =>
    [...chunk.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1')).join('');
  for (const entry of text.split(/\r?\n\r?\n/)) {
    if (/^#, .*fuzzy/m.test(entry)) continue;
    const id = /^msgid ((?:".*"\s*)+)/m.exec(entry);
    const str = /^msgstr ((?:".*"\s*)+)/m.exec(entry);
    if (id && str) map.set(unquote(id[1]!), unquote(str[1]!));
  }
  return map;
}

/** Every translated entry of a .po file: msgid → its msgstr, or its plural forms (msgstr[0], msgstr[1], …). */
export function parsePoForms(text: string, keepFuzzy = false): Map<string, { plural?: string; forms: string[] }> {
  const map = new Map<string, { plural?: string; forms: string[] }>();
  const unquote = (chunk: string) =>
    [...chunk.matchAll(/"((?:[^"\\]|\\.)*)"/g)]
      .map((m) => m[1]!.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(.)/g, '$1'))
      .join('');
  for (const entry of text.split(/\r?\n\r?\n/)) {
    if (!keepFuzzy && /^#, .*fuzzy/m.test(entry)) continue;
    const id = /^msgid ((?:".*"\s*)+)/m.exec(entry);
    if (!id) continue;
    const plural = /^msgid_plural ((?:".*"\s*)+)/m.exec(entry);
    const forms = plural
      ? [...entry.matchAll(/^msgstr\[\d+\] ((?:".*"\s*)+)/gm)].map((m) => unquote(m[1]!))
      : [unquote(/^msgstr ((?:".*"\s*)+)/m.exec(entry)?.[1] ?? '')];
    map.set(unquote(id[1]!), { ...(plural ? { plural: unquote(plural[1]!) } : {}), forms });
  }
  return map;
}

/** GNUstep/Apple .strings (SOGo's Localizable.strings): `"key" = "value";`, backslash escapes, comments skipped. */
export function parseStrings(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const quoted = '"((?:[^"\\\\]|\\\\.)*)"';
  const unescaped = (chunk: string) => chunk.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const match of withoutComments.matchAll(new RegExp(`${quoted}\\s*=\\s*${quoted}\\s*;`, 'g')))
    map.set(unescaped(match[1]!), unescaped(match[2]!));
  return map;
}

/** Roundcube's PHP localization files: `$messages['key'] = 'value';` (or `$labels[…]`), single- or double-quoted. */
export function parseRoundcubeInc(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const entry = /^\$(?:messages|labels)\[(['"])([^'"]+)\1\]\s*=\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*;/gm;
  for (const match of text.matchAll(entry)) {
    const single = match[3];
    map.set(match[2]!, single !== undefined ? single.replace(/\\(['\\])/g, '$1') : match[4]!.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1'));
  }
  return map;
}

/**
 * Cockpit's compiled translations (`po.LANG.js`, served to the login page and each page of the web console): one
 * JavaScript object literal, `window.cockpit_po={…}` or `cockpit.locale({…})`, whose entries are
 * `msgid:[context, form, form…]`, a msgid quoted ("…" or '…') or a bare identifier. Read without running the file;
 * the header entry ("": {…}, with its plural-forms function) is no message and is left out.
 */
export function parseCockpitPo(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const quoted = `"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'`;
  const unquote = (literal: string) =>
    literal.startsWith('"')
      ? (JSON.parse(literal) as string)
      : (JSON.parse(`"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string);
  const entry = new RegExp(`(?<=[{,])(${quoted}|[A-Za-z_$][\\w$]*):\\[null((?:,(?:${quoted}))*)\\]`, 'g');
  for (const match of text.matchAll(entry)) {
    const key = /^["']/.test(match[1]!) ? unquote(match[1]!) : match[1]!;
    const forms = [...match[2]!.matchAll(new RegExp(quoted, 'g'))].map((form) => unquote(form[0]));
    if (key) map.set(key, forms);
  }
  return map;
}

/**
 * A locale file in YAML (Redmine's config/locales/LANG.yml, SilverStripe's lang/LANG.yml): every message under the
 * language's root key, named by its path below that root joined with dots (`error_password_expired`,
 * `SilverStripe\Security\Member.PASSWORDEXPIRED`). A value is plain, "double-quoted" (backslash escapes) or
 * 'single-quoted' ('' for a quote); a plain value may go on over more-indented lines, which YAML folds with single
 * spaces. Comments and block scalars (| and >), which no message the miner reads uses, are left out.
 */
export function parseLocaleYaml(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  const parents: { indent: number; key: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    // A key may be quoted: Redmine's "no" (a bare no is YAML's false) and "zh-TW".
    const entry = /^( *)("[^"]*"|'[^']*'|[^\s:#'"][^\s:]*):(?:\s+(.*))?$/.exec(lines[i]!);
    if (!entry) continue;
    const indent = entry[1]!.length;
    const key = /^["']/.test(entry[2]!) ? entry[2]!.slice(1, -1) : entry[2]!;
    while (parents.length && parents[parents.length - 1]!.indent >= indent) parents.pop();
    let value = entry[3]?.trim() ?? '';
    if (!value || value.startsWith('#')) {
      parents.push({ indent, key });
      continue;
    }
    if (/^[|>]/.test(value)) continue;
    // A scalar continues on the lines indented deeper than its key.
    while (i + 1 < lines.length && lines[i + 1]!.search(/\S/) > indent && !/^\s*#/.test(lines[i + 1]!)) value += ` ${lines[++i]!.trim()}`;
    if (value.startsWith('"')) value = yamlDoubleQuoted(value);
    else if (value.startsWith("'")) value = value.slice(1, -1).replace(/''/g, "'");
    else value = value.replace(/\s+#.*$/, '');
    if (parents.length) map.set([...parents.slice(1).map((parent) => parent.key), key].join('.'), value);
  }
  return map;
}

/** YAML's escapes in a double-quoted scalar (its `\_` is a no-break space); an escape YAML has not throws, not guessed. */
const YAML_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
function yamlDoubleQuoted(scalar: string): string {
  const end = scalar.lastIndexOf('"');
  if (end < 1) throw new Error(`unterminated YAML string: ${scalar}`);
  return scalar.slice(1, end).replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, code: string) => {
    if (code.length > 1) return String.fromCodePoint(Number.parseInt(code.slice(1), 16));
    const char = YAML_ESCAPES[code];
    if (char === undefined) throw new Error(`unknown YAML escape \\${code} in ${scalar}`);
    return char;
  });
}

/**
 * A locale written as a TypeScript module (Logto's phrases: `const description = { key: 'value', nested: { … } };`):
 * every string under the exported object, named by its path joined with dots (`password_expired`,
 * `verification_method.password`). A value is a quoted or backtick string on the key's line or the next one (Prettier
 * moves a long value there); anything else — a shorthand import (`password_rejected,`), a concatenation, a template
 * with `${…}` — is left out, not evaluated.
 */
export function parseLocaleModule(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const path: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('}')) {
      path.pop();
      continue;
    }
    const entry = /^(\w+|'[^']*'|"[^"]*"):\s*(.*)$/.exec(line);
    if (!entry) continue;
    const key = /^['"]/.test(entry[1]!) ? entry[1]!.slice(1, -1) : entry[1]!;
    let value = entry[2]!;
    if (value === '{') {
      path.push(key);
      continue;
    }
    if (!value) value = lines[++i]?.trim() ?? '';
    const literal = /^(['"`])((?:\\.|(?!\1)[^\\])*)\1,?$/.exec(value);
    if (!literal || (literal[1] === '`' && literal[2]!.includes('${'))) continue;
    map.set([...path, key].join('.'), unescapeJs(literal[2]!));
  }
  return map;
}

/** JavaScript's string escapes that locale messages use; an unknown one throws, not guessed. */
function unescapeJs(body: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', "'": "'", '"': '"', '`': '`', '\\': '\\' };
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, code: string) => {
    if (code.length > 1) return String.fromCodePoint(Number.parseInt(code.replace(/[u{}]/g, ''), 16));
    const char = simple[code];
    if (char === undefined) throw new Error(`unknown escape \\${code} in '${body}'`);
    return char;
  });
}

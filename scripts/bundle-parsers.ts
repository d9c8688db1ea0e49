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
 * A Rails locale file (Redmine's config/locales/LANG.yml): the messages one level under the language's root key,
 * `  key: value`, the value plain, "double-quoted" (backslash escapes) or 'single-quoted' ('' for a quote); a plain
 * value may go on over more-indented lines, which YAML folds with single spaces. Keys with nested maps (date and
 * number formats) have no value of their own and are left out; so are comments and block scalars, which no message
 * the miner reads uses.
 */
export function parseRailsLocale(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const entry = /^ {2}([\w.]+)\s*:\s*(.*)$/.exec(lines[i]!);
    if (!entry) continue;
    let value = entry[2]!.replace(/\s+#.*$/, '').trim();
    if (!value || /^[|>]/.test(value)) continue;
    // Plain (or quoted) scalars continue on lines indented deeper than the key.
    while (i + 1 < lines.length && /^ {3,}\S/.test(lines[i + 1]!) && !/^\s*#/.test(lines[i + 1]!)) value += ` ${lines[++i]!.trim()}`;
    // YAML's double-quoted escapes that messages use (\" \\ \n \uXXXX) are JSON's; any other throws, not guessed.
    if (value.startsWith('"')) value = JSON.parse(value) as string;
    else if (value.startsWith("'")) value = value.slice(1, -1).replace(/''/g, "'");
    map.set(entry[1]!, value);
  }
  return map;
}

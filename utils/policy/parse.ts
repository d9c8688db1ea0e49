import { contextRule, countRule, normalizeRules } from './normalize';
import type { ContextRuleKind, CountRuleKind, Rule } from './types';

/**
 * Parser for the `policies` strings of ISC query-password-info, e.g. "passwordMinLength is 8".
 *
 * Tolerant by design: the rule name is matched case-insensitively with or without the
 * `password` prefix and with any inner spaces, the separator may be "is", "=" or ":", and
 * values may carry surrounding spaces. A string we cannot read becomes an `unknown` rule
 * holding the trimmed text, so the user still sees it. Duplicates merge to the strictest value.
 */

type Reader =
  | { type: 'count'; kind: CountRuleKind | 'history' }
  | { type: 'context'; kind: ContextRuleKind }
  | { type: 'flag'; kind: 'dictionary' | 'accountAttributes' };

const count = (kind: CountRuleKind | 'history'): Reader => ({ type: 'count', kind });
const context = (kind: ContextRuleKind): Reader => ({ type: 'context', kind });

/** Rule names as ISC (and IdentityIQ, whose names ISC inherited) spell them, lower-cased, prefix removed. */
const READERS: Readonly<Record<string, Reader>> = {
  minlength: count('minLength'),
  maxlength: count('maxLength'),
  minalpha: count('minAlpha'),
  minnumeric: count('minNumeric'),
  mindigit: count('minNumeric'),
  mindigits: count('minNumeric'),
  minspecial: count('minSpecial'),
  minupper: count('minUpper'),
  minlower: count('minLower'),
  mincharactertypes: count('minCharacterTypes'),
  mincharactertype: count('minCharacterTypes'),
  minchartypes: count('minCharacterTypes'),
  minchartype: count('minCharacterTypes'),
  repeatedchar: count('maxRepeatedChars'),
  repeatedchars: count('maxRepeatedChars'),
  maxrepeatedchar: count('maxRepeatedChars'),
  maxrepeatedchars: count('maxRepeatedChars'),
  history: count('history'),
  minhistory: count('history'),
  validateagainstaccountid: context('notAccountId'),
  validateagainstaccountname: context('notAccountName'),
  useidentityattributes: context('notIdentityAttributes'),
  useaccountattributes: { type: 'flag', kind: 'accountAttributes' },
  usedictionary: { type: 'flag', kind: 'dictionary' },
};

const POLICY_LINE = /^(.+?)(?:\s+is\s+|\s*[=:]\s*)(.+)$/i;
const INTEGER = /^[+-]?\d+$/;
const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

type Parsed = { rule: Rule | null } | 'unreadable';

function readValue(reader: Reader, rawValue: string): Parsed {
  const value = rawValue.trim().toLowerCase();
  if (reader.type === 'count') {
    const number = INTEGER.test(value) ? Number.parseInt(value, 10) : Number.NaN;
    if (!Number.isSafeInteger(number)) return 'unreadable';
    return { rule: countRule(reader.kind, number) };
  }
  if (!TRUE_WORDS.has(value) && !FALSE_WORDS.has(value)) return 'unreadable';
  if (FALSE_WORDS.has(value)) return { rule: null };
  return { rule: reader.type === 'context' ? contextRule(reader.kind) : { kind: reader.kind } };
}

function parseOne(text: string): Parsed {
  const match = POLICY_LINE.exec(text);
  if (!match) return 'unreadable';
  const name = match[1]!
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/^password/, '');
  const reader = READERS[name];
  return reader ? readValue(reader, match[2]!) : 'unreadable';
}

/**
 * String(entry) throws for objects without a usable toString (JSON such as `{"toString": 1}`, or a
 * null-prototype object): such an entry is still shown as an unknown rule instead of crashing the parse.
 */
function textOf(entry: unknown): string {
  try {
    return String(entry);
  } catch {
    return Object.prototype.toString.call(entry);
  }
}

/** Typed rules from ISC's `policies` strings; input of the wrong type yields no rules rather than an exception. */
export function parsePolicies(policies: unknown): Rule[] {
  if (!Array.isArray(policies)) return [];
  const rules: Rule[] = [];
  for (const entry of policies) {
    if (entry === null || entry === undefined) continue;
    const text = textOf(entry).trim();
    if (text === '') continue;
    const parsed = parseOne(text);
    if (parsed === 'unreadable') rules.push({ kind: 'unknown', text });
    else if (parsed.rule) rules.push(parsed.rule);
  }
  return normalizeRules(rules);
}

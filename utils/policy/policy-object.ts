import { contextRule, countRule, normalizeRules } from './normalize';
import type { ContextRuleKind, CountRuleKind, Rule } from './types';

/**
 * Rules from an ISC PasswordPolicyV3Dto (admin API). -1, 0 and absent mean "not set".
 * The input is untrusted JSON: a field of the wrong type or a non-integer number is kept as
 * an `unknown` rule ("minLength: abc") rather than silently dropped or allowed to crash.
 */

const COUNT_FIELDS: ReadonlyArray<[field: string, kind: CountRuleKind]> = [
  ['minLength', 'minLength'],
  ['maxLength', 'maxLength'],
  ['minAlpha', 'minAlpha'],
  ['minNumeric', 'minNumeric'],
  ['minSpecial', 'minSpecial'],
  ['minUpper', 'minUpper'],
  ['minLower', 'minLower'],
  ['minCharacterTypes', 'minCharacterTypes'],
  ['maxRepeatedChars', 'maxRepeatedChars'],
];

/** Context rules and the DTO field that sets their minimum word length. */
const CONTEXT_FIELDS: ReadonlyArray<[field: string, kind: ContextRuleKind, wordLengthField?: string]> = [
  ['validateAgainstAccountId', 'notAccountId', 'accountIdMinWordLength'],
  ['validateAgainstAccountName', 'notAccountName', 'accountNameMinWordLength'],
  ['useIdentityAttributes', 'notIdentityAttributes'],
];

const FLAG_FIELDS: ReadonlyArray<[field: string, kind: 'dictionary' | 'accountAttributes']> = [
  ['useDictionary', 'dictionary'],
  ['useAccountAttributes', 'accountAttributes'],
];

type Read<T> = { value: T } | { invalid: string } | null;

function describe(field: string, raw: unknown): string {
  let shown: string;
  try {
    shown = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : (JSON.stringify(raw) ?? String(raw));
  } catch {
    shown = Object.prototype.toString.call(raw);
  }
  return `${field}: ${shown.slice(0, 80)}`;
}

function readInteger(dto: Record<string, unknown>, field: string): Read<number> {
  const raw = dto[field];
  if (raw === undefined || raw === null) return null;
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(number) ? { value: number } : { invalid: describe(field, raw) };
}

function readFlag(dto: Record<string, unknown>, field: string): Read<boolean> {
  const raw = dto[field];
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'boolean') return { value: raw };
  if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
  return { invalid: describe(field, raw) };
}

export function rulesFromPolicyObject(dto: unknown): Rule[] {
  if (typeof dto !== 'object' || dto === null || Array.isArray(dto)) return [];
  const fields = dto as Record<string, unknown>;
  const rules: Rule[] = [];
  const keep = (rule: Rule | null) => {
    if (rule) rules.push(rule);
  };

  for (const [field, kind] of COUNT_FIELDS) {
    const read = readInteger(fields, field);
    if (!read) continue;
    if ('invalid' in read) keep({ kind: 'unknown', text: read.invalid });
    else keep(countRule(kind, read.value));
  }
  for (const [field, kind, wordLengthField] of CONTEXT_FIELDS) {
    const read = readFlag(fields, field);
    if (!read) continue;
    if ('invalid' in read) {
      keep({ kind: 'unknown', text: read.invalid });
      continue;
    }
    if (!read.value) continue;
    const wordLength = wordLengthField ? readInteger(fields, wordLengthField) : null;
    keep(wordLength && 'value' in wordLength && wordLength.value > 0 ? contextRule(kind, wordLength.value) : contextRule(kind));
  }
  for (const [field, kind] of FLAG_FIELDS) {
    const read = readFlag(fields, field);
    if (!read) continue;
    if ('invalid' in read) keep({ kind: 'unknown', text: read.invalid });
    else if (read.value) keep({ kind });
  }
  return normalizeRules(rules);
}

import { type ContextRuleKind, type CountRuleKind, DEFAULT_MIN_WORD_LENGTH, RULE_ORDER, type Rule } from './types';

/** Rules whose value is an upper bound: the smaller value is the stricter one. */
const UPPER_BOUND_KINDS: ReadonlySet<string> = new Set(['maxLength', 'maxRepeatedChars']);

/** A count rule, or null when the value means "not set" (ISC uses -1, and 0 for minimums). */
export function countRule(kind: CountRuleKind | 'history', value: number): Rule | null {
  if (!Number.isSafeInteger(value) || value <= 0) return null;
  return { kind, value } as Rule;
}

/**
 * A context rule. Words shorter than two characters are never matched: forbidding every
 * password that contains an "a" would help nobody.
 */
export function contextRule(kind: ContextRuleKind, minWordLength = DEFAULT_MIN_WORD_LENGTH): Rule {
  const usable = Number.isSafeInteger(minWordLength) && minWordLength > 0 ? Math.max(2, minWordLength) : DEFAULT_MIN_WORD_LENGTH;
  return { kind, minWordLength: usable };
}

function stricter(a: Rule, b: Rule): Rule {
  if ('value' in a && 'value' in b) {
    const pick = UPPER_BOUND_KINDS.has(a.kind) ? Math.min(a.value, b.value) : Math.max(a.value, b.value);
    return { ...a, value: pick };
  }
  if ('minWordLength' in a && 'minWordLength' in b) {
    return { ...a, minWordLength: Math.min(a.minWordLength, b.minWordLength) };
  }
  return a;
}

/**
 * One rule per kind, each the strictest of its duplicates, in display order; unknown rules
 * follow in first-seen order with identical texts shown once.
 */
export function normalizeRules(rules: readonly Rule[]): Rule[] {
  const byKind = new Map<string, Rule>();
  const unknown = new Map<string, Rule>();
  for (const rule of rules) {
    if (rule.kind === 'unknown') {
      if (!unknown.has(rule.text)) unknown.set(rule.text, rule);
      continue;
    }
    const previous = byKind.get(rule.kind);
    byKind.set(rule.kind, previous ? stricter(previous, rule) : rule);
  }
  const ordered: Rule[] = [];
  for (const kind of RULE_ORDER) {
    const rule = byKind.get(kind);
    if (rule) ordered.push(rule);
  }
  return [...ordered, ...unknown.values()];
}

/** The strictest value of a count rule kind in a rule set, or undefined when the set has none. */
export function ruleValue(rules: readonly Rule[], kind: CountRuleKind | 'history'): number | undefined {
  let found: number | undefined;
  for (const rule of rules) {
    if (rule.kind !== kind || !('value' in rule)) continue;
    found = found === undefined ? rule.value : UPPER_BOUND_KINDS.has(kind) ? Math.min(found, rule.value) : Math.max(found, rule.value);
  }
  return found;
}

import type { PolicyMessageKey } from './keys';

/**
 * The typed password rules Rekey understands. ISC hands them out as `policies` strings
 * (query-password-info) or, for admins, as a PasswordPolicyV3Dto; both become `Rule[]`.
 *
 * Numeric rules only exist when set: ISC uses -1 (and 0 for minimums) for "not set", and a
 * non-positive value never becomes a rule.
 */

/** Rules with a numeric limit that the browser can check. */
export const COUNT_RULE_KINDS = [
  'minLength',
  'maxLength',
  'minAlpha',
  'minNumeric',
  'minSpecial',
  'minUpper',
  'minLower',
  'minCharacterTypes',
  'maxRepeatedChars',
] as const;
export type CountRuleKind = (typeof COUNT_RULE_KINDS)[number];

/** "Must not contain …" rules, checkable only when the caller knows the values (see PolicyContext). */
export const CONTEXT_RULE_KINDS = ['notAccountId', 'notAccountName', 'notIdentityAttributes'] as const;
export type ContextRuleKind = (typeof CONTEXT_RULE_KINDS)[number];

/** Rules only the organisation can check (banned words, password history, account attributes). */
export const SERVER_RULE_KINDS = ['dictionary', 'accountAttributes', 'history'] as const;
export type ServerRuleKind = (typeof SERVER_RULE_KINDS)[number];

export type CountRule = { kind: CountRuleKind; value: number };
export type ContextRule = { kind: ContextRuleKind; minWordLength: number };
export type ServerRule = { kind: 'dictionary' } | { kind: 'accountAttributes' } | { kind: 'history'; value: number };
export type UnknownRule = { kind: 'unknown'; text: string };

export type Rule = CountRule | ContextRule | ServerRule | UnknownRule;
export type RuleKind = Rule['kind'];

/** Canonical display order: length first, then character classes, then the rest. */
export const RULE_ORDER: readonly RuleKind[] = [...COUNT_RULE_KINDS, ...CONTEXT_RULE_KINDS, ...SERVER_RULE_KINDS, 'unknown'];

/** Words shorter than this are not matched by the context rules unless the policy says otherwise. */
export const DEFAULT_MIN_WORD_LENGTH = 3;

/** The values a password must not contain, as far as the caller knows them. */
export interface PolicyContext {
  accountIds?: readonly string[];
  accountNames?: readonly string[];
  identityAttributes?: readonly string[];
}

export type RuleStatus = 'met' | 'unmet' | 'server-checked' | 'unknown';
export type MessageParams = Array<string | number>;

/**
 * One line of the live checklist. `labelKey`/`count`/`params` render the rule itself
 * (a plural key when `count` is set, its `$1` being the count); `reasonKey`/`reasonParams`
 * (never plural) say why it is not met, or who checks it.
 */
export interface RuleResult {
  ruleId: string;
  labelKey: PolicyMessageKey;
  count?: number;
  params: MessageParams;
  status: RuleStatus;
  reasonKey?: PolicyMessageKey;
  reasonParams?: MessageParams;
}

export type ConflictKind = 'maxBelowMin' | 'requiredAboveMax' | 'tooManyCharacterTypes';

/** Why no password can satisfy a rule set. */
export interface PolicyConflict {
  kind: ConflictKind;
  messageKey: PolicyMessageKey;
  params: number[];
}

export type MergeResult = { ok: true; rules: Rule[] } | { ok: false; conflicts: PolicyConflict[] };

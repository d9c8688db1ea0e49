/**
 * Message keys of the `policy:` section of locales/en.yml. Plural keys take the count as
 * `$1`; reasons are never plural because the checklist renders them with params only.
 * The unit test "policy locale keys" keeps this list and the YAML in step.
 */
export const POLICY_PLURAL_KEYS = [
  'policy.minLength',
  'policy.maxLength',
  'policy.minAlpha',
  'policy.minNumeric',
  'policy.minSpecial',
  'policy.minUpper',
  'policy.minLower',
  'policy.minCharacterTypes',
  'policy.maxRepeatedChars',
  'policy.history',
] as const;

export const POLICY_TEXT_KEYS = [
  'policy.notAccountId',
  'policy.notAccountName',
  'policy.notIdentityAttributes',
  'policy.accountAttributes',
  'policy.dictionary',
  'policy.unknown',
  'policy.serverChecked',
  'policy.reason.missing',
  'policy.reason.tooLong',
  'policy.reason.typesMissing',
  'policy.reason.repeated',
  'policy.reason.containsAccountId',
  'policy.reason.containsAccountName',
  'policy.reason.containsPersonalDetail',
  'policy.reason.notCheckable',
  'policy.conflict.maxBelowMin',
  'policy.conflict.requiredAboveMax',
  'policy.conflict.tooManyCharacterTypes',
] as const;

export type PolicyPluralKey = (typeof POLICY_PLURAL_KEYS)[number];
export type PolicyTextKey = (typeof POLICY_TEXT_KEYS)[number];
export type PolicyMessageKey = PolicyPluralKey | PolicyTextKey;

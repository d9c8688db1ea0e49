import type { SeedAccount, SeedIdentity, SeedPolicy } from './types';

export interface PolicyContext {
  identity: SeedIdentity;
  account: SeedAccount;
  dictionary: readonly string[];
}

const set = (value: number) => value > 0;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const count = (password: string, pattern: RegExp) => (password.match(pattern) ?? []).length;

/** ISC's `password<Rule> is <value>` strings for query-password-info; unset (-1) rules are left out. */
export function policyStrings(policy: SeedPolicy): string[] {
  const numeric: Array<[string, number]> = [
    ['passwordMinLength', policy.minLength],
    ['passwordMaxLength', policy.maxLength],
    ['passwordMinAlpha', policy.minAlpha],
    ['passwordMinUpper', policy.minUpper],
    ['passwordMinLower', policy.minLower],
    ['passwordMinNumeric', policy.minNumeric],
    ['passwordMinSpecial', policy.minSpecial],
    ['passwordMinCharacterTypes', policy.minCharacterTypes],
    ['passwordRepeatedChar', policy.maxRepeatedChars],
    ['passwordHistory', policy.historyLength],
  ];
  const strings = numeric.filter(([, value]) => set(value)).map(([rule, value]) => `${rule} is ${value}`);
  if (policy.useDictionary) strings.push('passwordUseDictionary is true');
  if (policy.useIdentityAttributes) strings.push('passwordUseIdentityAttributes is true');
  if (policy.validateAgainstAccountName) strings.push('passwordValidateAgainstAccountName is true');
  if (policy.validateAgainstAccountId) strings.push('passwordValidateAgainstAccountId is true');
  // Step-up flags, so an employee's token (which cannot read password policies) learns of them too.
  if (policy.requireStrongAuthn) strings.push('requireStrongAuthn is true');
  if (policy.requireStrongAuthOffNetwork) strings.push('requireStrongAuthOffNetwork is true');
  if (policy.requireStrongAuthUntrustedGeographies) strings.push('requireStrongAuthUntrustedGeographies is true');
  return strings;
}

function longestRun(password: string): number {
  let longest = 0;
  let run = 0;
  let previous = '';
  for (const char of password) {
    run = char === previous ? run + 1 : 1;
    previous = char;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Name-like fragments a password must not contain (3+ characters, case-insensitive). */
function fragments(...values: string[]): string[] {
  return values.flatMap((value) => value.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((part) => part.length >= 3);
}

/** Why `password` breaks `policy`, as the human phrases ISC sources report ("it …"); empty when it complies. */
export function policyViolations(password: string, policy: SeedPolicy, context: PolicyContext): string[] {
  const reasons: string[] = [];
  const length = [...password].length;
  const lower = password.toLowerCase();
  if (set(policy.minLength) && length < policy.minLength) reasons.push(`it must be at least ${policy.minLength} characters long`);
  if (set(policy.maxLength) && length > policy.maxLength) reasons.push(`it must be at most ${policy.maxLength} characters long`);
  const upper = count(password, /\p{Lu}/gu);
  const lowers = count(password, /\p{Ll}/gu);
  const digits = count(password, /\p{Nd}/gu);
  const special = count(password, /[^\p{L}\p{N}]/gu);
  if (set(policy.minAlpha) && upper + lowers < policy.minAlpha)
    reasons.push(`it needs at least ${plural(policy.minAlpha, 'letter', 'letters')}`);
  if (set(policy.minUpper) && upper < policy.minUpper) {
    reasons.push(`it needs at least ${plural(policy.minUpper, 'upper-case letter', 'upper-case letters')}`);
  }
  if (set(policy.minLower) && lowers < policy.minLower) {
    reasons.push(`it needs at least ${plural(policy.minLower, 'lower-case letter', 'lower-case letters')}`);
  }
  if (set(policy.minNumeric) && digits < policy.minNumeric)
    reasons.push(`it needs at least ${plural(policy.minNumeric, 'digit', 'digits')}`);
  if (set(policy.minSpecial) && special < policy.minSpecial) {
    reasons.push(`it needs at least ${plural(policy.minSpecial, 'special character', 'special characters')}`);
  }
  const types = [upper, lowers, digits, special].filter((n) => n > 0).length;
  if (set(policy.minCharacterTypes) && types < policy.minCharacterTypes) {
    reasons.push(`it needs at least ${policy.minCharacterTypes} kinds of characters (upper-case, lower-case, digits, special)`);
  }
  if (set(policy.maxRepeatedChars) && longestRun(password) > policy.maxRepeatedChars) {
    reasons.push(`it repeats a character more than ${policy.maxRepeatedChars} times in a row`);
  }
  if (policy.useDictionary && context.dictionary.some((word) => word.length >= 4 && lower.includes(word.toLowerCase()))) {
    reasons.push('it contains a common word');
  }
  const { identity, account } = context;
  if (
    policy.useIdentityAttributes &&
    fragments(identity.firstName, identity.lastName, identity.name).some((part) => lower.includes(part))
  ) {
    reasons.push('it contains part of your name');
  }
  if (policy.validateAgainstAccountName && fragments(account.name).some((part) => lower.includes(part))) {
    reasons.push('it contains the account name');
  }
  if (policy.validateAgainstAccountId && lower.includes(account.id.toLowerCase())) reasons.push('it contains the account id');
  return reasons;
}

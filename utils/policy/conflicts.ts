import { ruleValue } from './normalize';
import type { PolicyConflict, Rule } from './types';

/** Upper, lower, digit and special: the classes the character-types rule counts. */
export const CHARACTER_TYPE_COUNT = 4;

/**
 * How the character-class rules shape the shortest compliant password. The generator builds
 * exactly this plan, so "no conflict" and "the generator succeeds" mean the same thing.
 */
export interface ClassPlan {
  upper: number;
  lower: number;
  digit: number;
  special: number;
  /** Letters beyond minUpper + minLower that minAlpha still asks for (any case). */
  extraLetters: number;
  /** Extra letters that must take a letter case no rule asked for, to count towards minCharacterTypes. */
  typesFromExtraLetters: number;
  /** Classes minCharacterTypes still needs after that; each costs one more character. */
  missingTypes: number;
  /** The fewest characters that satisfy every class rule (length rules aside). */
  length: number;
}

export function classPlan(rules: readonly Rule[]): ClassPlan {
  const upper = ruleValue(rules, 'minUpper') ?? 0;
  const lower = ruleValue(rules, 'minLower') ?? 0;
  const digit = ruleValue(rules, 'minNumeric') ?? 0;
  const special = ruleValue(rules, 'minSpecial') ?? 0;
  const alpha = ruleValue(rules, 'minAlpha') ?? 0;
  const types = Math.min(ruleValue(rules, 'minCharacterTypes') ?? 0, CHARACTER_TYPE_COUNT);

  const extraLetters = Math.max(0, alpha - upper - lower);
  const present = Number(upper > 0) + Number(lower > 0) + Number(digit > 0) + Number(special > 0);
  const missingLetterCases = Number(upper === 0) + Number(lower === 0);
  const coveredByExtraLetters = Math.min(extraLetters, missingLetterCases, Math.max(0, types - present));
  const missingTypes = Math.max(0, types - present - coveredByExtraLetters);

  return {
    upper,
    lower,
    digit,
    special,
    extraLetters,
    typesFromExtraLetters: coveredByExtraLetters,
    missingTypes,
    length: upper + lower + extraLetters + digit + special + missingTypes,
  };
}

/** The shortest length any compliant password can have. */
export function minimumCompliantLength(rules: readonly Rule[]): number {
  return Math.max(ruleValue(rules, 'minLength') ?? 0, classPlan(rules).length);
}

/** Why no password can satisfy these rules; empty when some password can. */
export function findConflicts(rules: readonly Rule[]): PolicyConflict[] {
  const conflicts: PolicyConflict[] = [];
  const minLength = ruleValue(rules, 'minLength');
  const maxLength = ruleValue(rules, 'maxLength');
  const types = ruleValue(rules, 'minCharacterTypes');

  if (types !== undefined && types > CHARACTER_TYPE_COUNT) {
    conflicts.push({ kind: 'tooManyCharacterTypes', messageKey: 'policy.conflict.tooManyCharacterTypes', params: [types] });
  }
  if (maxLength !== undefined && minLength !== undefined && maxLength < minLength) {
    conflicts.push({ kind: 'maxBelowMin', messageKey: 'policy.conflict.maxBelowMin', params: [maxLength, minLength] });
  }
  const required = classPlan(rules).length;
  if (maxLength !== undefined && required > maxLength) {
    conflicts.push({ kind: 'requiredAboveMax', messageKey: 'policy.conflict.requiredAboveMax', params: [required, maxLength] });
  }
  return conflicts;
}

import { analyzePassword, type PasswordStats } from './classify';
import { findConflicts } from './conflicts';
import { containsAnyToken, forbiddenTokens } from './context';
import type { PolicyMessageKey } from './keys';
import { ruleId, ruleLabel } from './labels';
import type { ContextRule, ContextRuleKind, CountRule, PolicyConflict, PolicyContext, Rule, RuleResult } from './types';

/**
 * The live checklist: one result per rule, preceded by one unmet result per conflict when
 * the rule set itself is impossible (so the submit button explains why it stays disabled).
 * Runs on every keystroke; see bench/policy.ts for its cost.
 */

type Verdict = Pick<RuleResult, 'status' | 'reasonKey' | 'reasonParams'>;

const MET: Verdict = { status: 'met' };
const SERVER_CHECKED: Verdict = { status: 'server-checked', reasonKey: 'policy.serverChecked' };

function shortfall(actual: number, required: number, reasonKey: PolicyMessageKey = 'policy.reason.missing'): Verdict {
  if (actual >= required) return MET;
  const missing = required - actual;
  return { status: 'unmet', reasonKey, reasonParams: [missing] };
}

function checkCount(rule: CountRule, stats: PasswordStats): Verdict {
  switch (rule.kind) {
    case 'minLength':
      return shortfall(stats.length, rule.value);
    case 'maxLength': {
      if (stats.length <= rule.value) return MET;
      const extra = stats.length - rule.value;
      return { status: 'unmet', reasonKey: 'policy.reason.tooLong', reasonParams: [extra] };
    }
    case 'minAlpha':
      return shortfall(stats.alpha, rule.value);
    case 'minNumeric':
      return shortfall(stats.numeric, rule.value);
    case 'minSpecial':
      return shortfall(stats.special, rule.value);
    case 'minUpper':
      return shortfall(stats.upper, rule.value);
    case 'minLower':
      return shortfall(stats.lower, rule.value);
    case 'minCharacterTypes':
      return shortfall(stats.characterTypes, rule.value, 'policy.reason.typesMissing');
    case 'maxRepeatedChars':
      return stats.longestRun <= rule.value
        ? MET
        : { status: 'unmet', reasonKey: 'policy.reason.repeated', reasonParams: [stats.longestRun] };
  }
}

const CONTEXT_SOURCES: Record<ContextRuleKind, { values: keyof PolicyContext; reasonKey: PolicyMessageKey }> = {
  notAccountId: { values: 'accountIds', reasonKey: 'policy.reason.containsAccountId' },
  notAccountName: { values: 'accountNames', reasonKey: 'policy.reason.containsAccountName' },
  notIdentityAttributes: { values: 'identityAttributes', reasonKey: 'policy.reason.containsPersonalDetail' },
};

function checkContext(rule: ContextRule, password: string, context: PolicyContext): Verdict {
  const source = CONTEXT_SOURCES[rule.kind];
  const tokens = forbiddenTokens(context[source.values], rule.minWordLength);
  // Without the values, only the organisation can check the rule.
  if (tokens.length === 0) return SERVER_CHECKED;
  return containsAnyToken(password, tokens) ? { status: 'unmet', reasonKey: source.reasonKey } : MET;
}

function verdict(rule: Rule, password: string, stats: PasswordStats, context: PolicyContext): Verdict {
  switch (rule.kind) {
    case 'unknown':
      return { status: 'unknown', reasonKey: 'policy.reason.notCheckable' };
    case 'dictionary':
    case 'accountAttributes':
    case 'history':
      return SERVER_CHECKED;
    case 'notAccountId':
    case 'notAccountName':
    case 'notIdentityAttributes':
      return checkContext(rule, password, context);
    default:
      return checkCount(rule, stats);
  }
}

function conflictResult(conflict: PolicyConflict): RuleResult {
  return { ruleId: `conflict:${conflict.kind}`, labelKey: conflict.messageKey, params: conflict.params, status: 'unmet' };
}

export function checkPassword(password: string, rules: readonly Rule[], context: PolicyContext = {}): RuleResult[] {
  const stats = analyzePassword(password);
  const results = findConflicts(rules).map(conflictResult);
  for (const rule of rules) {
    const label = ruleLabel(rule);
    const result: RuleResult = {
      ruleId: ruleId(rule),
      labelKey: label.key,
      params: label.params,
      ...verdict(rule, password, stats, context),
    };
    if (label.count !== undefined) result.count = label.count;
    results.push(result);
  }
  return results;
}

/** True when every rule Rekey understands is met; unknown and server-checked rules do not block. */
export function isCompliant(results: readonly RuleResult[]): boolean {
  return results.every((result) => result.status !== 'unmet');
}

/** The first unmet rule, to explain a disabled submit button; undefined when compliant. */
export function firstUnmet(results: readonly RuleResult[]): RuleResult | undefined {
  return results.find((result) => result.status === 'unmet');
}

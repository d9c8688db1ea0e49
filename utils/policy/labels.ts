import type { PolicyMessageKey } from './keys';
import type { MessageParams, Rule } from './types';

/**
 * How to show a rule: `t(key, count, params)` when `count` is set (a plural key whose `$1`
 * is the count), else `t(key, params)`. The popup and the admin page both render through
 * this, so a rule reads the same everywhere.
 */
export interface RuleLabel {
  key: PolicyMessageKey;
  count?: number;
  params: MessageParams;
}

export function ruleLabel(rule: Rule): RuleLabel {
  switch (rule.kind) {
    case 'unknown':
      return { key: 'policy.unknown', params: [rule.text] };
    case 'notAccountId':
    case 'notAccountName':
    case 'notIdentityAttributes':
    case 'dictionary':
    case 'accountAttributes':
      return { key: `policy.${rule.kind}`, params: [] };
    default:
      return { key: `policy.${rule.kind}`, count: rule.value, params: [rule.value] };
  }
}

/** A stable id for list keys and tests: the kind, or the text of an unknown rule. */
export function ruleId(rule: Rule): string {
  return rule.kind === 'unknown' ? `unknown:${rule.text}` : rule.kind;
}

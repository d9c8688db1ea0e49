import type { BreachVerdict } from '@/utils/breach/verdict';
import type { RuleResult } from './types';

/**
 * Why "Change password" is not available yet, in the order the employee can act on it; null when it is.
 * Pure, so that the popup and its tests agree on exactly when a password may be sent.
 */
export type SubmitBlocker =
  | { reason: 'policy-conflict' }
  | { reason: 'no-account' }
  | { reason: 'empty' }
  | { reason: 'unmet'; rule: RuleResult }
  | { reason: 'mismatch' }
  | { reason: 'breach-pending' }
  | { reason: 'breached'; verdict: BreachVerdict };

export interface SubmitGateInput {
  policyOk: boolean;
  selectedAccounts: number;
  password: string;
  confirm: string;
  /** The first rule the password does not meet, judged on this very password. */
  unmet: RuleResult | undefined;
  breachMode: 'off' | 'warn' | 'block';
  /** The password meets every rule (only then is its breach status looked up). */
  compliant: boolean;
  breachPending: boolean;
  breach: BreachVerdict | null;
}

export function submitBlocker(input: SubmitGateInput): SubmitBlocker | null {
  if (!input.policyOk) return { reason: 'policy-conflict' };
  if (input.selectedAccounts === 0) return { reason: 'no-account' };
  if (input.password.length === 0) return { reason: 'empty' };
  if (input.unmet) return { reason: 'unmet', rule: input.unmet };
  if (input.confirm !== input.password) return { reason: 'mismatch' };
  // The breach lookup starts only after the render in which the password became compliant: until its verdict
  // arrives the check is due, or that render would enable submit (and Enter) for a moment.
  const breachDue = input.breachMode !== 'off' && input.compliant && input.breach === null;
  if (input.breachPending || breachDue) return { reason: 'breach-pending' };
  if (input.breach && !input.breach.allowSubmit) return { reason: 'breached', verdict: input.breach };
  return null;
}

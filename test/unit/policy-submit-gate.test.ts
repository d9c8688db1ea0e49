import { describe, expect, it } from 'vitest';
import type { BreachVerdict } from '@/utils/breach/verdict';
import type { RuleResult } from '@/utils/policy';
import { type SubmitGateInput, submitBlocker } from '@/utils/policy/submit-gate';

const ready: SubmitGateInput = {
  policyOk: true,
  selectedAccounts: 1,
  password: 'Orbit-Lantern-93',
  confirm: 'Orbit-Lantern-93',
  unmet: undefined,
  breachMode: 'warn',
  compliant: true,
  breachPending: false,
  breach: { allowSubmit: true, severity: 'none', messageKey: 'breach.notFound', params: [] },
};
const unmet = { status: 'unmet', labelKey: 'policy.minLength', params: [12] } as unknown as RuleResult;
const blocking: BreachVerdict = { allowSubmit: false, severity: 'blocking', messageKey: 'breach.foundBlocking', params: ['42'], count: 42 };

describe('when "Change password" may be pressed', () => {
  it('allows a compliant, confirmed password whose breach check has answered', () => {
    expect(submitBlocker(ready)).toBeNull();
  });

  it('names the first thing the employee can fix, in order', () => {
    expect(submitBlocker({ ...ready, policyOk: false, selectedAccounts: 0 })).toEqual({ reason: 'policy-conflict' });
    expect(submitBlocker({ ...ready, selectedAccounts: 0, password: '' })).toEqual({ reason: 'no-account' });
    expect(submitBlocker({ ...ready, password: '', confirm: '' })).toEqual({ reason: 'empty' });
    expect(submitBlocker({ ...ready, unmet, confirm: 'other' })).toEqual({ reason: 'unmet', rule: unmet });
    expect(submitBlocker({ ...ready, confirm: 'Orbit-Lantern-94' })).toEqual({ reason: 'mismatch' });
  });

  it('waits for the breach verdict, even in the render before the lookup started', () => {
    expect(submitBlocker({ ...ready, breachPending: true })).toEqual({ reason: 'breach-pending' });
    expect(submitBlocker({ ...ready, breach: null })).toEqual({ reason: 'breach-pending' });
    expect(submitBlocker({ ...ready, breachMode: 'off', breach: null })).toBeNull();
  });

  it('stops at a breached password only when the organisation blocks them', () => {
    expect(submitBlocker({ ...ready, breach: blocking })).toEqual({ reason: 'breached', verdict: blocking });
    const warning: BreachVerdict = { ...blocking, allowSubmit: true, severity: 'warning', messageKey: 'breach.foundWarning' };
    expect(submitBlocker({ ...ready, breach: warning })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { readStepUp, stepUpMessageKeys } from '@/utils/api/step-up';

describe("reading step-up from query-password-info's policies", () => {
  it('takes the strong-authentication flags out of the rules and reports them', () => {
    expect(readStepUp(['passwordMinLength is 8', 'requireStrongAuthOffNetwork is true', 'passwordRepeatedChar is 3'])).toEqual({
      policies: ['passwordMinLength is 8', 'passwordRepeatedChar is 3'],
      stepUp: { always: false, offNetwork: true, untrustedGeographies: false },
    });
  });

  it('reads the password-prefixed spelling, other separators and letter case', () => {
    expect(readStepUp(['passwordRequireStrongAuthn is TRUE', 'requireStrongAuthUntrustedGeographies: yes']).stepUp).toEqual({
      always: true,
      offNetwork: false,
      untrustedGeographies: true,
    });
  });

  it('reports no step-up when every flag is false, and still drops the flags from the rules', () => {
    expect(readStepUp(['requireStrongAuthn is false', 'passwordMinLength is 8'])).toEqual({ policies: ['passwordMinLength is 8'] });
    expect(readStepUp([])).toEqual({ policies: [] });
  });

  it('leaves look-alike rules it does not know in the list', () => {
    expect(readStepUp(['requireStrongPasswords is true']).policies).toEqual(['requireStrongPasswords is true']);
  });
});

describe('what the notice says', () => {
  it('says "always" alone when every change needs the factor, else each condition, then why Rekey cannot ask and the alternative', () => {
    expect(stepUpMessageKeys({ always: true, offNetwork: true, untrustedGeographies: true })).toEqual([
      'stepUp.always',
      'stepUp.noApi',
      'stepUp.alternative',
    ]);
    expect(stepUpMessageKeys({ always: false, offNetwork: true, untrustedGeographies: true })).toEqual([
      'stepUp.offNetwork',
      'stepUp.untrustedGeographies',
      'stepUp.noApi',
      'stepUp.alternative',
    ]);
  });
});

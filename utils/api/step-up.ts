/**
 * Step-up (strong) authentication for a password change. A password policy's `requireStrongAuthn`,
 * `requireStrongAuthOffNetwork` and `requireStrongAuthUntrustedGeographies` make ISC's own Password Manager
 * ask for a second factor before a change. An employee's token cannot read password policies (ORG_ADMIN
 * only), so Rekey reads these flags where that token can see them: the `policies` strings of
 * query-password-info (`requireStrongAuthn is true`, with or without the `password` prefix the other rules
 * carry). They are no password rules, so they are taken out of the list the checklist shows.
 *
 * The password documents (../shared/isc-openapi) describe no second-factor step. SailPoint's v3 API does have
 * an MFA controller (`POST /mfa/token/send`, `POST /mfa/token/authenticate`, in the official SDK, outside the
 * password subset), but it only answers whether a code was right: set-password takes no proof of it and the
 * access token's `strong_auth` claim does not change. Calling it would make the employee believe the policy is
 * satisfied when it is not, so Rekey does not: it tells the employee before they type, and names the
 * documented alternative (ISC's Password Manager, which asks for the factor itself).
 */

export interface StepUp {
  /** A second factor is required for every change. */
  always: boolean;
  /** … when the employee is off the company network. */
  offNetwork: boolean;
  /** … when the employee is in a geography the tenant does not trust. */
  untrustedGeographies: boolean;
}

const FLAGS: Readonly<Record<string, keyof StepUp>> = {
  requirestrongauthn: 'always',
  requirestrongauthoffnetwork: 'offNetwork',
  requirestrongauthuntrustedgeographies: 'untrustedGeographies',
};

const LINE = /^\s*(?:password)?(requirestrongauth\w*)\s*(?:\s+is\s+|[=:])\s*(\S+)\s*$/i;
const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);

/** Splits query-password-info's `policies` into password rules and the step-up requirement (if any flag is set). */
export function readStepUp(lines: readonly string[]): { policies: string[]; stepUp?: StepUp } {
  const stepUp: StepUp = { always: false, offNetwork: false, untrustedGeographies: false };
  const policies: string[] = [];
  for (const line of lines) {
    const match = typeof line === 'string' ? LINE.exec(line) : null;
    const flag = match ? FLAGS[match[1]!.toLowerCase()] : undefined;
    if (!match || !flag) {
      policies.push(line);
      continue;
    }
    if (TRUE_WORDS.has(match[2]!.toLowerCase())) stepUp[flag] = true;
  }
  return stepUp.always || stepUp.offNetwork || stepUp.untrustedGeographies ? { policies, stepUp } : { policies };
}

/** Locale keys, in display order, for what the notice says about a requirement. */
export function stepUpMessageKeys(stepUp: StepUp): string[] {
  if (stepUp.always) return ['stepUp.always', 'stepUp.noApi', 'stepUp.alternative'];
  const when = [
    ...(stepUp.offNetwork ? ['stepUp.offNetwork'] : []),
    ...(stepUp.untrustedGeographies ? ['stepUp.untrustedGeographies'] : []),
  ];
  return [...when, 'stepUp.noApi', 'stepUp.alternative'];
}

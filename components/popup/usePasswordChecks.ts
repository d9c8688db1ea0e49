import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BreachMode, BreachVerdict } from '@/utils/breach/verdict';
import { checkPassword, isCompliant, type Rule } from '@/utils/policy';
import { estimateStrength, loadStrengthEstimator, type StrengthEstimate } from '@/utils/strength';

const CHECK_DEBOUNCE_MS = 120;
const BREACH_DEBOUNCE_MS = 600;

export interface PasswordChecks {
  /** The rules' verdicts on `checked`, the password as it was a moment ago. */
  results: ReturnType<typeof checkPassword>;
  checked: string;
  /** The checklist has judged this very password and it meets every rule. */
  compliant: boolean;
  strength: StrengthEstimate | null;
  breach: BreachVerdict | null;
  breachPending: boolean;
}

/**
 * The live checks on a new password as it is typed: the policy checklist (debounced so screen readers are not
 * flooded), the strength estimate, and the breach lookup. The password stays in the caller's component state.
 */
export function usePasswordChecks(
  password: string,
  rules: readonly Rule[],
  context: { accountIds: string[]; accountNames: string[]; identityAttributes: string[] },
  breachCheck: { mode: BreachMode; endpoint: string },
): PasswordChecks {
  const [checked, setChecked] = useState('');
  const [strength, setStrength] = useState<StrengthEstimate | null>(null);
  const [breach, setBreach] = useState<BreachVerdict | null>(null);
  const [breachPending, setBreachPending] = useState(false);
  const estimator = useRef<((pw: string, inputs: string[]) => StrengthEstimate) | null>(null);

  useEffect(() => {
    void loadStrengthEstimator().then((estimate) => {
      estimator.current = estimate;
    });
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => setChecked(password), CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [password]);

  const results = useMemo(() => checkPassword(checked, rules, context), [checked, rules, context]);
  const compliant = checked === password && password.length > 0 && isCompliant(results);

  useEffect(() => {
    const inputs = [...context.accountNames, ...context.identityAttributes];
    setStrength(password ? (estimator.current ?? estimateStrength)(password, inputs) : null);
  }, [password, context]);

  // Only a compliant candidate is checked, and only its 5-character SHA-1 prefix leaves the popup.
  useEffect(() => {
    setBreach(null);
    if (breachCheck.mode === 'off' || !compliant) return;
    setBreachPending(true);
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      // Loaded on first use: SHA-1 and the range client are not needed to paint the popup.
      const { checkPasswordBreach, decideBreachVerdict } = await import('@/utils/breach');
      const result = await checkPasswordBreach(password, { endpoint: breachCheck.endpoint, signal: controller.signal });
      if (controller.signal.aborted) return;
      setBreach(decideBreachVerdict(result, breachCheck.mode));
      setBreachPending(false);
    }, BREACH_DEBOUNCE_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
      setBreachPending(false);
    };
  }, [password, compliant, breachCheck.mode, breachCheck.endpoint]);

  return { results, checked, compliant, strength, breach, breachPending };
}

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tk } from '@/components/i18n';
import type { BreachVerdict } from '@/utils/breach';
import type { UiState } from '@/utils/messages/views';
import { checkPassword, firstUnmet, isCompliant, mergeRules, parsePolicies } from '@/utils/policy';
import { estimateStrength, loadStrengthEstimator, type StrengthEstimate } from '@/utils/strength';
import { useStore } from '../useStore';
import { Checklist } from './Checklist';
import { ErrorNotice } from './ErrorNotice';
import { StepUpNotice } from './StepUpNotice';
import { StrengthMeter } from './StrengthMeter';
import type { PopupActions } from './store';

const CHECK_DEBOUNCE_MS = 120;
const BREACH_DEBOUNCE_MS = 600;
const CLIPBOARD_CLEAR_MS = 60_000;

/**
 * The password exists only in this component's state: never in the popup store, never in a
 * message. It is encrypted here, in the popup, and only ciphertext goes to the worker.
 */
export function NewPassword({ actions, state }: { actions: PopupActions; state: UiState }) {
  const source = useStore(actions.store, (s) => s.selectedSource);
  const targets = useStore(actions.store, (s) => s.targets);
  const selectedAccounts = useStore(actions.store, (s) => s.selectedAccounts);
  const busy = useStore(actions.store, (s) => s.busy);
  const error = useStore(actions.store, (s) => s.error);
  const load = source ? targets[source] : undefined;
  const entry = state.settings.settings.sources.find((s) => s.sourceName === source);
  const breachMode = state.settings.settings.breachCheck;

  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [visible, setVisible] = useState(false);
  const [checked, setChecked] = useState('');
  const [strength, setStrength] = useState<StrengthEstimate | null>(null);
  const [breach, setBreach] = useState<BreachVerdict | null>(null);
  const [breachPending, setBreachPending] = useState(false);
  const [generated, setGenerated] = useState(false);
  const [copied, setCopied] = useState(false);
  const [cryptoError, setCryptoError] = useState<string | null>(null);
  const estimator = useRef<((pw: string, inputs: string[]) => StrengthEstimate) | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    void loadStrengthEstimator().then((estimate) => {
      estimator.current = estimate;
    });
  }, []);

  const view = load?.status === 'ready' ? load.view : null;
  // Memoised so `context` keeps its identity between renders: the strength effect depends on it
  // and sets state, so a fresh array on every render re-rendered the form in an endless loop.
  const accounts = useMemo(() => view?.accounts.filter((a) => selectedAccounts.includes(a.accountId)) ?? [], [view, selectedAccounts]);
  const merged = useMemo(() => (view ? mergeRules([parsePolicies(view.policies)]) : null), [view]);
  const rules = useMemo(() => (merged?.ok ? merged.rules : []), [merged]);
  const context = useMemo(
    () => ({
      accountIds: accounts.map((a) => a.accountId),
      accountNames: accounts.map((a) => a.accountName),
      identityAttributes: [state.identity?.userName ?? '', state.identity?.displayName ?? ''].filter(Boolean),
    }),
    [accounts, state.identity],
  );

  // The checklist follows typing after a short pause so screen readers are not flooded.
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
    if (breachMode === 'off' || !compliant) return;
    setBreachPending(true);
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      // Loaded on first use: SHA-1 and the range client are not needed to paint the popup.
      const { checkPasswordBreach, decideBreachVerdict } = await import('@/utils/breach');
      const result = await checkPasswordBreach(password, { endpoint: state.settings.settings.breachEndpoint, signal: controller.signal });
      if (controller.signal.aborted) return;
      setBreach(decideBreachVerdict(result, breachMode));
      setBreachPending(false);
    }, BREACH_DEBOUNCE_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
      setBreachPending(false);
    };
  }, [password, compliant, breachMode, state.settings.settings.breachEndpoint]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => {
      void navigator.clipboard.writeText('').catch(() => undefined);
      setCopied(false);
    }, CLIPBOARD_CLEAR_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  if (!view) {
    return load?.status === 'error' ? (
      <ErrorNotice error={load.error} onRetry={() => void actions.loadTarget(source ?? '', entry?.userName, true)} />
    ) : null;
  }

  const unmet = firstUnmet(results);
  // The breach effect starts only after the render in which the password became compliant: until
  // its verdict, the check is due, or that render would enable submit (and Enter) for a moment.
  const breachDue = breachMode !== 'off' && compliant && breach === null;
  const blockReason = !merged?.ok
    ? t('popup.policyConflict')
    : accounts.length === 0
      ? t('popup.reasonNoAccount')
      : password.length === 0
        ? t('popup.reasonEmpty')
        : unmet
          ? t('popup.reasonUnmet', [tk({ key: unmet.labelKey, params: unmet.params, count: unmet.count })])
          : confirm !== password
            ? t('popup.reasonMismatch')
            : breachPending || breachDue
              ? t('popup.reasonBreachPending')
              : breach && !breach.allowSubmit
                ? breachMessage(breach)
                : null;
  // `checked === password`: the checklist (debounced) has judged this very password, not the one before.
  const canSubmit = blockReason === null && checked === password && busy !== 'submit';

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!view || !canSubmit) return;
    setCryptoError(null);
    try {
      const { encryptPassword } = await import('@/utils/crypto');
      const ciphertext = await encryptPassword(password, view.publicKey, state.settings.settings.padding);
      const submission = await actions.submit(view, ciphertext, entry?.alsoChanges ?? []);
      if (submission) {
        setPassword('');
        setConfirm('');
      }
    } catch (err) {
      const key = (err as { messageKey?: string }).messageKey;
      setCryptoError(key ? tk({ key, params: (err as { params?: string[] }).params ?? [] }) : t('popup.errorInternal'));
    }
  }

  async function onGenerate() {
    try {
      const { generatePassword } = await import('@/utils/generator');
      const result = generatePassword(rules, { context });
      setPassword(result.password);
      setConfirm(result.password);
      setVisible(true);
      setGenerated(true);
      setCopied(false);
    } catch {
      setCryptoError(t('popup.generateFailed'));
    }
  }

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <form class="stack" onSubmit={onSubmit} aria-labelledby="password-title" data-testid="new-password" autocomplete="off">
      <div class="row">
        <button type="button" class="link" onClick={() => actions.back()}>
          {t('popup.back')}
        </button>
      </div>
      <h2 id="password-title" ref={heading} tabIndex={-1}>
        {t('popup.newPasswordFor', [entry?.label || view.sourceName])}
      </h2>
      {view.accounts.length > 1 ? (
        <fieldset class="accounts-pick">
          <legend>{t('popup.accountsToChange')}</legend>
          {view.accounts.map((account) => (
            <label key={account.accountId}>
              <input
                type="checkbox"
                checked={selectedAccounts.includes(account.accountId)}
                onChange={() => actions.toggleAccount(account.accountId)}
              />{' '}
              {account.accountName}
            </label>
          ))}
        </fieldset>
      ) : (
        <p class="small">
          {t('popup.accountsWillChange', [], view.accounts.length)}: {view.accounts.map((a) => a.accountName).join(', ')}
        </p>
      )}
      {entry?.alsoChanges && entry.alsoChanges.length > 0 && (
        <p class="small also">{t('popup.alsoChanges', [entry.alsoChanges.join(', ')])}</p>
      )}

      {view.stepUp && <StepUpNotice stepUp={view.stepUp} sourceName={entry?.label || view.sourceName} />}
      <label for="new-password">{t('popup.newPassword')}</label>
      <div class="field-row">
        <input
          id="new-password"
          name="new-password"
          type={(visible ? 'text' : 'password') as 'text'}
          autocomplete="new-password"
          spellcheck={false}
          autoCapitalize="off"
          value={password}
          aria-describedby="checklist submit-reason"
          onInput={(e) => {
            setPassword(e.currentTarget.value);
            setGenerated(false);
          }}
        />
        <button type="button" class="button" aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {visible ? t('popup.hide') : t('popup.show')}
        </button>
      </div>
      <label for="confirm-password">{t('popup.confirmPassword')}</label>
      <input
        id="confirm-password"
        name="confirm-password"
        type={(visible ? 'text' : 'password') as 'text'}
        autocomplete="new-password"
        spellcheck={false}
        value={confirm}
        onInput={(e) => setConfirm(e.currentTarget.value)}
      />
      <div class="row">
        <button type="button" class="button" onClick={() => void onGenerate()} data-testid="generate">
          {t('popup.generate')}
        </button>
        {generated && (
          <button type="button" class="button" onClick={() => void onCopy()} data-testid="copy">
            {copied ? t('popup.copied') : t('popup.copy')}
          </button>
        )}
      </div>
      {copied && <p class="small muted">{t('popup.clipboardClears')}</p>}

      <Checklist results={results} pending={checked !== password} />
      {strength && <StrengthMeter estimate={strength} />}
      {breachMode !== 'off' && breach && (
        <p
          class={`notice notice-${breach.severity === 'blocking' ? 'error' : breach.severity === 'warning' ? 'warning' : 'info'}`}
          role="status"
          data-testid="breach"
        >
          {breachMessage(breach)}
        </p>
      )}
      {!merged?.ok && merged && (
        <ul class="notice notice-error" role="alert">
          {merged.conflicts.map((c) => (
            <li key={c.messageKey}>{tk({ key: c.messageKey, params: c.params })}</li>
          ))}
        </ul>
      )}

      <p id="submit-reason" class="small muted" aria-live="polite" data-testid="submit-reason">
        {blockReason ?? t('popup.readyToSubmit')}
      </p>
      <button type="submit" class="button button-primary" disabled={!canSubmit} data-testid="submit">
        {busy === 'submit' ? t('popup.submitting') : t('popup.submit')}
      </button>
      {cryptoError && (
        <p class="notice notice-error" role="alert">
          {cryptoError}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </form>
  );
}

/**
 * The verdict's params carry the count as a string; passing the count alone lets the translator
 * format it for the locale ("4,211", "4.211") as well as pick the plural form.
 */
function breachMessage(breach: BreachVerdict): string {
  return breach.count !== undefined
    ? tk({ key: breach.messageKey, count: breach.count })
    : tk({ key: breach.messageKey, params: breach.params });
}

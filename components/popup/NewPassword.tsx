import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tk } from '@/components/i18n';
// Not from utils/api/http: that module's schemas would come along into the popup's first load.
import { hostOf } from '@/utils/api/host';
import type { BreachVerdict } from '@/utils/breach/verdict';
import type { UiState } from '@/utils/messages/views';
import { firstUnmet, mergeRules, parsePolicies } from '@/utils/policy';
import { type SubmitBlocker, submitBlocker } from '@/utils/policy/submit-gate';
import { ErrorNotice } from '../ErrorNotice';
import { useStore } from '../useStore';
import { AccountsToChange } from './AccountsToChange';
import { Checklist } from './Checklist';
import { PasswordFields } from './PasswordFields';
import { StepUpNotice } from './StepUpNotice';
import { StrengthMeter } from './StrengthMeter';
import type { PopupActions } from './store';
import { usePasswordChecks } from './usePasswordChecks';

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
  const [generated, setGenerated] = useState(false);
  const [copied, setCopied] = useState(false);
  const [cryptoError, setCryptoError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useLayoutEffect(() => heading.current?.focus(), []);

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

  const breachCheck = useMemo(
    () => ({ mode: breachMode, endpoint: state.settings.settings.breachEndpoint }),
    [breachMode, state.settings.settings.breachEndpoint],
  );
  const { results, checked, compliant, strength, breach, breachPending } = usePasswordChecks(password, rules, context, breachCheck);

  if (!view) {
    return load?.status === 'error' ? (
      <ErrorNotice error={load.error} onRetry={() => void actions.loadTarget(source ?? '', entry?.userName, true)} />
    ) : null;
  }

  const blocker = submitBlocker({
    policyOk: Boolean(merged?.ok),
    selectedAccounts: accounts.length,
    password,
    confirm,
    unmet: firstUnmet(results),
    breachMode,
    compliant,
    breachPending,
    breach,
  });
  const blockReason = blocker ? blockerMessage(blocker) : null;
  // `checked === password`: the checklist (debounced) has judged this very password, not the one before.
  const canSubmit = blocker === null && checked === password && busy !== 'submit';

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
      // The worker clears it in 60 s even after this popup closed (entrypoints/background/clipboard.ts).
      await actions.copySecret(password);
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
      <AccountsToChange
        accounts={view.accounts}
        selected={selectedAccounts}
        onToggle={(accountId) => actions.toggleAccount(accountId)}
        alsoChanges={entry?.alsoChanges ?? []}
      />
      {view.stepUp && <StepUpNotice stepUp={view.stepUp} sourceName={entry?.label || view.sourceName} />}
      <PasswordFields
        password={password}
        confirm={confirm}
        onPassword={(value) => {
          setPassword(value);
          setGenerated(false);
        }}
        onConfirm={setConfirm}
        visible={visible}
        onToggleVisible={() => setVisible(!visible)}
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
      {breachMode !== 'off' && (
        <p class="small muted" data-testid="breach-disclosure">
          {t('popup.breachDisclosure', [hostOf(state.settings.settings.breachEndpoint)])}
        </p>
      )}
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

function blockerMessage(blocker: SubmitBlocker): string {
  switch (blocker.reason) {
    case 'policy-conflict':
      return t('popup.policyConflict');
    case 'no-account':
      return t('popup.reasonNoAccount');
    case 'empty':
      return t('popup.reasonEmpty');
    case 'unmet':
      return t('popup.reasonUnmet', [tk({ key: blocker.rule.labelKey, params: blocker.rule.params, count: blocker.rule.count })]);
    case 'mismatch':
      return t('popup.reasonMismatch');
    case 'breach-pending':
      return t('popup.reasonBreachPending');
    case 'breached':
      return breachMessage(blocker.verdict);
  }
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

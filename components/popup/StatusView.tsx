import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, tk, translator } from '@/components/i18n';
import type { ChangeView, UiState } from '@/utils/messages/views';
import { ErrorNotice } from '../ErrorNotice';
import { useStore } from '../useStore';
import type { PopupActions } from './store';

const stateKeys = {
  pending: 'popup.statePending',
  finished: 'popup.stateFinished',
  failed: 'popup.stateFailed',
  unknown: 'popup.stateUnknown',
  'not-readable': 'popup.stateNotReadable',
  'not-found': 'popup.stateNotFound',
} as const;

export function StatusView({ actions, state }: { actions: PopupActions; state: UiState }) {
  const submission = useStore(actions.store, (s) => s.submission);
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useLayoutEffect(() => heading.current?.focus(), []);
  // An outcome shown here — including one that arrives while this view is open — has been seen.
  const unseen = state.tracker.history.filter((change) => !change.seen).length;
  useEffect(() => {
    if (unseen > 0) actions.markSeen();
  }, [unseen, actions]);

  const all = [...state.tracker.pending, ...state.tracker.history];
  const current = submission ? all.filter((c) => c.submissionId === submission.submissionId) : [];
  const earlier = all.filter((c) => !current.includes(c));
  const currentDone = current.length > 0 && current.every((c) => c.state !== 'pending');
  const anyFinished = current.some((c) => c.state === 'finished');
  // Failed accounts, and accepted ones whose outcome cannot be followed (the worker could not record them).
  const accountNotices = submission?.accounts.filter((a) => !a.ok || a.error) ?? [];

  async function copySummary() {
    const text = await actions.copySummary();
    await navigator.clipboard.writeText(text).catch(() => undefined);
    setCopied(true);
  }

  return (
    <section class="stack" aria-labelledby="status-title" data-testid="status">
      <div class="row">
        <button type="button" class="link" onClick={() => actions.back()}>
          {t('popup.back')}
        </button>
      </div>
      <h2 id="status-title" ref={heading} tabIndex={-1}>
        {t('popup.statusTitle')}
      </h2>
      {accountNotices.map((a) => (
        <ErrorNotice key={a.accountId} error={a.error} />
      ))}
      {current.length > 0 && (
        <ul class="changes" aria-live="polite" data-testid="current-changes">
          {current.map((change) => (
            <ChangeItem key={change.id} change={change} />
          ))}
        </ul>
      )}
      {currentDone && anyFinished && (
        <section class="notice notice-info" aria-labelledby="after-title" data-testid="after-change">
          <h3 id="after-title" class="small">
            {t('popup.afterTitle')}
          </h3>
          <ul class="small">
            <li>{t('popup.afterBrowser')}</li>
            <li>{t('popup.afterPhone')}</li>
            <li>{t('popup.afterVpn')}</li>
          </ul>
        </section>
      )}
      {earlier.length > 0 && (
        <>
          <h3 class="small">{t('popup.historyTitle')}</h3>
          <ul class="changes" data-testid="history">
            {earlier.map((change) => (
              <ChangeItem key={change.id} change={change} />
            ))}
          </ul>
        </>
      )}
      {all.length === 0 && <p class="muted">{t('popup.noChanges')}</p>}
      {all.length > 0 && (
        <button type="button" class="button" onClick={() => void copySummary()}>
          {copied ? t('popup.copied') : t('popup.copySummary')}
        </button>
      )}
    </section>
  );
}

function ChangeItem({ change }: { change: ChangeView }) {
  const when = translator().formatDateTime(change.settledAt ?? change.submittedAt);
  return (
    <li class={`change change-${change.state}`} data-state={change.state} data-testid="change">
      <div class="row">
        <strong>{change.sourceName}</strong>
        <span class="state">{t(stateKeys[change.state])}</span>
      </div>
      <div class="small muted">
        {change.accountName} · {when}
      </div>
      {change.alsoChanges.length > 0 && <div class="small">{t('popup.alsoChanged', [change.alsoChanges.join(', ')])}</div>}
      {change.causes.map((cause) => (
        <p key={cause.key} class="small cause">
          {tk({ key: cause.key, params: cause.params })}
        </p>
      ))}
    </li>
  );
}

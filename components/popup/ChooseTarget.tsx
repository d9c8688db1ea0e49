import { t } from '@/components/i18n';
import type { UiState } from '@/utils/messages/views';
import type { SourceEntry } from '@/utils/settings/schema';
import { ErrorNotice } from '../ErrorNotice';
import { useStore } from '../useStore';
import type { PopupActions, TargetLoad } from './store';

export function ChooseTarget({ actions, state }: { actions: PopupActions; state: UiState }) {
  const targets = useStore(actions.store, (s) => s.targets);
  const sources = state.settings.settings.sources;
  const pending = state.tracker.pending.length;
  // Outcomes the employee has not seen yet (notifications may be blocked): say so up front.
  const unseen = state.tracker.history.filter((change) => !change.seen);
  return (
    <section class="stack" aria-labelledby="choose-title" data-testid="choose">
      <h2 id="choose-title" tabIndex={-1}>
        {t('popup.chooseTitle')}
      </h2>
      {pending > 0 && (
        <button type="button" class="notice notice-info link-block" onClick={() => actions.showStatus()}>
          {t('popup.pendingChanges', [], pending)}
        </button>
      )}
      {unseen.length > 0 && (
        <button type="button" class="notice notice-info link-block" onClick={() => actions.showStatus()} data-testid="unseen-outcomes">
          {unseen.some((c) => c.state !== 'finished' && c.state !== 'not-readable')
            ? t('popup.unseenProblem', [], unseen.length)
            : t('popup.unseenDone', [], unseen.length)}
        </button>
      )}
      <ul class="targets">
        {sources.map((source) => (
          <TargetCard
            key={source.sourceName}
            source={source}
            load={targets[source.sourceName]}
            onChoose={() => actions.choose(source.sourceName)}
            onRetry={() => void actions.loadTarget(source.sourceName, source.userName, true)}
          />
        ))}
      </ul>
    </section>
  );
}

function TargetCard({
  source,
  load,
  onChoose,
  onRetry,
}: {
  source: SourceEntry;
  load: TargetLoad | undefined;
  onChoose: () => void;
  onRetry: () => void;
}) {
  const label = source.label || source.sourceName;
  const headingId = `target-${slug(source.sourceName)}`;
  return (
    <li class="card" aria-labelledby={headingId} data-testid="target" data-source={source.sourceName}>
      <h3 id={headingId}>{label}</h3>
      {source.label && source.label !== source.sourceName && <p class="muted small">{source.sourceName}</p>}
      {(!load || load.status === 'loading') && (
        <div role="status" aria-busy="true" aria-label={t('popup.loadingAccounts')}>
          <div class="skeleton skeleton-line" />
          <div class="skeleton skeleton-line short" />
        </div>
      )}
      {load?.status === 'error' && <ErrorNotice error={load.error} onRetry={onRetry} />}
      {load?.status === 'ready' && (
        <>
          <p class="small">{t('popup.accountsWillChange', [], load.view.accounts.length)}</p>
          <ul class="accounts" data-testid="accounts">
            {load.view.accounts.map((account) => (
              <li key={account.accountId} title={account.accountId}>
                {account.accountName}
              </li>
            ))}
          </ul>
          {source.alsoChanges && source.alsoChanges.length > 0 && (
            <p class="small also" data-testid="also-changes">
              {t('popup.alsoChanges', [source.alsoChanges.join(', ')])}
            </p>
          )}
          <button type="button" class="button button-primary" onClick={onChoose} disabled={load.view.accounts.length === 0}>
            {t('popup.changeThis', [label])}
          </button>
        </>
      )}
    </li>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

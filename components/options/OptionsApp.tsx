import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { WorkerClient } from '@/components/worker';
import type { UiState } from '@/utils/messages/views';
import { ErrorNotice } from '../ErrorNotice';
import { AccountSection } from './AccountSection';
import { SettingsForm } from './SettingsForm';

export interface OptionsAppProps {
  worker: WorkerClient;
  requestOrigins: (origins: string[]) => Promise<boolean>;
  /** Rendered below the settings when the signed-in token may administer passwords. */
  admin?: (state: UiState) => preact.ComponentChildren;
}

export function OptionsApp({ worker, requestOrigins, admin }: OptionsAppProps) {
  const { send } = worker;
  const [state, setState] = useState<UiState | null>(null);
  const [failed, setFailed] = useState(false);

  const refresh = () =>
    send({ type: 'state/get' }).then(
      (next) => {
        setState(next);
        setFailed(false);
      },
      () => setFailed(true),
    );

  useEffect(() => {
    void refresh();
    return worker.subscribe((next) => {
      setState(next);
      setFailed(false);
    });
  }, []);

  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      {failed && <ErrorNotice text={{ key: 'popup.workerUnavailable' }} />}
      {state && (
        <>
          {state.settings.lockedKeys.length > 0 && <p class="notice notice-info">{t('options.lockedNotice')}</p>}
          <SettingsForm state={state} send={send} requestOrigins={requestOrigins} onSaved={() => void refresh()} />
          <AccountSection state={state} send={send} requestOrigins={requestOrigins} onChanged={() => void refresh()} />
          {admin?.(state)}
        </>
      )}
    </main>
  );
}

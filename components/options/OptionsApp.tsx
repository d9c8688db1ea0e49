import { useEffect, useState } from 'preact/hooks';
import type { Send } from '@/components/popup/store';
import { t } from '@/platform/i18n';
import type { PopupState } from '@/utils/messages/views';
import { AccountSection } from './AccountSection';
import { SettingsForm } from './SettingsForm';

export interface OptionsAppProps {
  send: Send;
  requestOrigins: (origins: string[]) => Promise<boolean>;
  onWorkerChange?: (refresh: () => void) => () => void;
  /** Rendered below the settings when the signed-in token may administer passwords. */
  admin?: (state: PopupState) => preact.ComponentChildren;
}

export function OptionsApp({ send, requestOrigins, onWorkerChange, admin }: OptionsAppProps) {
  const [state, setState] = useState<PopupState | null>(null);
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
    return onWorkerChange?.(() => void refresh());
  }, []);

  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      {failed && (
        <p class="notice notice-error" role="alert">
          {t('popup.workerUnavailable')}
        </p>
      )}
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

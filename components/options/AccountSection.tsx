import { useState } from 'preact/hooks';
import { ErrorNotice } from '@/components/ErrorNotice';
import { t, translator } from '@/components/i18n';
import type { Send } from '@/components/worker';
import { isLoopback, normalizeTenant } from '@/utils/auth/tenant';
import type { UiState } from '@/utils/messages/views';
import { useAction } from './admin/useAction';

export function AccountSection({
  state,
  send,
  requestOrigins,
  onChanged,
}: {
  state: UiState;
  send: Send;
  requestOrigins: (origins: string[]) => Promise<boolean>;
  onChanged: () => void;
}) {
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const account = useAction();
  const identity = state.identity;

  async function run(action: () => Promise<unknown>) {
    await account.run(async () => {
      const tenant = normalizeTenant(state.settings.settings.tenant);
      if (tenant.ok && !isLoopback(tenant.apiBaseUrl) && !(await requestOrigins(tenant.origins))) {
        account.fail({ kind: 'permission', messageKey: 'options.permissionDeclined', params: [] });
        return;
      }
      await action();
      onChanged();
    });
  }

  return (
    <section class="account" aria-labelledby="account-title">
      <h2 id="account-title">{t('options.account')}</h2>
      {identity ? (
        <div data-testid="options-identity">
          <p>
            {t('options.signedInAs', [identity.displayName ?? identity.userName ?? identity.identityId ?? '?', identity.tenant ?? ''])}
            {identity.mode === 'client-credentials' && <span class="tag">{t('popup.apiClientMode')}</span>}
          </p>
          {identity.expiresAt && <p class="small muted">{t('options.tokenExpires', [translator().formatDateTime(identity.expiresAt)])}</p>}
          <button type="button" class="button" disabled={account.busy} onClick={() => void run(() => send({ type: 'auth/signOut' }))}>
            {t('popup.signOut')}
          </button>
        </div>
      ) : (
        <p>{t('options.signedOut')}</p>
      )}
      {!identity && state.settings.settings.allowClientCredentials && (
        <form
          class="pat"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await send({ type: 'auth/signInClientCredentials', clientId: clientId.trim(), clientSecret: secret });
              setSecret('');
            });
          }}
        >
          <h3>{t('options.patTitle')}</h3>
          <p class="small muted">{t('options.patExplain')}</p>
          <label for="pat-client-id">{t('options.patClientId')}</label>
          <input
            id="pat-client-id"
            type="text"
            spellcheck={false}
            autocomplete="off"
            value={clientId}
            onInput={(e) => setClientId(e.currentTarget.value)}
          />
          <label for="pat-secret">{t('options.patSecret')}</label>
          <input id="pat-secret" type="password" autocomplete="off" value={secret} onInput={(e) => setSecret(e.currentTarget.value)} />
          <button type="submit" class="button" disabled={account.busy || clientId.trim() === '' || secret === ''} data-testid="pat-sign-in">
            {t('options.patSignIn')}
          </button>
        </form>
      )}
      {account.error && <ErrorNotice error={account.error} />}
    </section>
  );
}

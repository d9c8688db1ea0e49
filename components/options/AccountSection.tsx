import { useState } from 'preact/hooks';
import { t, tk, translator } from '@/components/i18n';
import { type Send, toUserError } from '@/components/worker';
import { isLoopback, normalizeTenant } from '@/utils/auth/tenant';
import type { UserError } from '@/utils/messages/protocol';
import type { UiState } from '@/utils/messages/views';

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
  const [error, setError] = useState<UserError | null>(null);
  const [busy, setBusy] = useState(false);
  const identity = state.identity;

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      const tenant = normalizeTenant(state.settings.settings.tenant);
      if (tenant.ok && !isLoopback(tenant.apiBaseUrl) && !(await requestOrigins(tenant.origins))) {
        setError({ kind: 'permission', messageKey: 'options.permissionDeclined', params: [] });
        return;
      }
      await action();
      onChanged();
    } catch (err) {
      setError(toUserError(err));
    } finally {
      setBusy(false);
    }
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
          <button type="button" class="button" disabled={busy} onClick={() => void run(() => send({ type: 'auth/signOut' }))}>
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
          <button type="submit" class="button" disabled={busy || clientId.trim() === '' || secret === ''} data-testid="pat-sign-in">
            {t('options.patSignIn')}
          </button>
        </form>
      )}
      {error && (
        <p class="notice notice-error" role="alert">
          {tk({ key: error.messageKey, params: error.params })}
        </p>
      )}
    </section>
  );
}

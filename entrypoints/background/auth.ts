import { browser } from 'wxt/browser';
import { loadEffectiveSettings } from '@/platform/settings';
import { ApiError } from '@/utils/api/errors';
import { buildAuthorizeUrl, createPkcePair, createState, parseRedirect } from '@/utils/auth/pkce';
import { createSessionManager } from '@/utils/auth/session';
import { clientCredentials, exchangeCode, type Identity } from '@/utils/auth/tokens';
import type { IdentityView } from '@/utils/messages/views';
import { openConnection, redirectUri, resolveEndpoints } from './connection';
import { clearPatSecret, keys, savePatSecret, sessionStore } from './stores';

/** The scopes Rekey needs; admin features work when the OAuth client grants more. */
const scopes = 'idn:password-info:read idn:password-change:manage idn:password-change:read';

/**
 * OAuth authorization code with PKCE through the browser's identity window. Public client:
 * no secret, as SailPoint's own CLI does.
 */
export async function signInInteractive(): Promise<IdentityView> {
  const effective = await loadEffectiveSettings();
  const { endpoints } = await resolveEndpoints(effective);
  const pkce = await createPkcePair();
  const state = createState();
  const redirect = redirectUri();
  const url = buildAuthorizeUrl({
    authorizeEndpoint: endpoints.authorizeEndpoint,
    clientId: effective.settings.clientId,
    redirectUri: redirect,
    state,
    codeChallenge: pkce.challenge,
    scope: scopes,
  });
  let returned: string | undefined;
  try {
    returned = await browser.identity.launchWebAuthFlow({ url, interactive: true });
  } catch {
    // The window was closed or the page never redirected back.
    throw new ApiError('access-denied');
  }
  if (!returned) throw new ApiError('access-denied');
  const code = parseRedirect(returned, state);
  const tokens = await exchangeCode({
    tokenEndpoint: endpoints.tokenEndpoint,
    clientId: effective.settings.clientId,
    code,
    codeVerifier: pkce.verifier,
    redirectUri: redirect,
  });
  await clearPatSecret();
  const session = createSessionManager({
    store: sessionStore,
    tokenEndpoint: endpoints.tokenEndpoint,
    clientId: effective.settings.clientId,
  });
  return toView(await session.signIn(tokens, 'authorization-code'), 'oauth');
}

/** Personal access token / API client sign-in, for administrators and testing. */
export async function signInWithClientCredentials(clientId: string, clientSecret: string, remember: boolean): Promise<IdentityView> {
  const effective = await loadEffectiveSettings();
  if (!effective.settings.allowClientCredentials) throw new ApiError('forbidden', { messageKey: 'errors.forbidden' });
  const { endpoints } = await resolveEndpoints(effective);
  const tokens = await clientCredentials({ tokenEndpoint: endpoints.tokenEndpoint, clientId, clientSecret });
  await savePatSecret({ clientId, clientSecret }, remember);
  const session = createSessionManager({ store: sessionStore, tokenEndpoint: endpoints.tokenEndpoint, clientId, clientSecret });
  return toView(await session.signIn(tokens, 'client-credentials'), 'client-credentials');
}

export async function signOut(): Promise<void> {
  await sessionStore.clear();
  await clearPatSecret();
  await browser.storage.session.remove([keys.passwordInfo, keys.endpoints]);
}

export async function currentIdentity(): Promise<IdentityView | null> {
  const stored = await sessionStore.load();
  if (!stored) return null;
  return toView(stored.identity, stored.kind === 'client-credentials' ? 'client-credentials' : 'oauth');
}

export function toView(identity: Identity, mode: IdentityView['mode']): IdentityView {
  return {
    identityId: identity.identityId ?? null,
    userName: identity.userName ?? null,
    displayName: identity.displayName ?? null,
    tenant: identity.tenant ?? null,
    authorities: identity.authorities,
    scopes: identity.scopes,
    expiresAt: identity.expiresAt,
    mode,
  };
}

export { openConnection };

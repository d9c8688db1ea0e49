import { browser } from 'wxt/browser';
import { ApiError } from '@/utils/api/errors';
import type { FetchLike } from '@/utils/api/http';
import { buildAuthorizeUrl, createPkcePair, createState, parseRedirect } from '@/utils/auth/pkce';
import { clientCredentials, exchangeCode, type Identity } from '@/utils/auth/tokens';
import type { IdentityView } from '@/utils/messages/views';
import type { WorkerSession } from './session';
import type { TenantDirectory } from './tenant';

/** The scopes Rekey needs; admin features work when the OAuth client grants more. */
const scopes = 'idn:password-info:read idn:password-change:manage idn:password-change:read';

export interface SignIn {
  /** OAuth authorization code with PKCE through the browser's identity window (public client, no secret). */
  interactive(): Promise<IdentityView>;
  /** Personal access token / API client, for administrators and testing; the secret lives for this browser session only. */
  withClientCredentials(clientId: string, clientSecret: string): Promise<IdentityView>;
}

export function createSignIn(tenant: TenantDirectory, session: WorkerSession, fetchImpl: FetchLike): SignIn {
  return {
    async interactive() {
      const { effective, endpoints, apiBaseUrl } = await tenant.resolve();
      const pkce = await createPkcePair();
      const state = createState();
      const redirect = tenant.redirectUri();
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
      const issuers = [endpoints.authorizeEndpoint, endpoints.tokenEndpoint, apiBaseUrl].map((url) => new URL(url).origin);
      const code = parseRedirect(returned, state, issuers);
      const tokens = await exchangeCode({
        tokenEndpoint: endpoints.tokenEndpoint,
        clientId: effective.settings.clientId,
        code,
        codeVerifier: pkce.verifier,
        redirectUri: redirect,
        fetch: fetchImpl,
      });
      return toIdentityView(await session.signIn(tokens, 'authorization-code'), 'oauth');
    },

    async withClientCredentials(clientId, clientSecret) {
      const { effective, endpoints } = await tenant.resolve();
      if (!effective.settings.allowClientCredentials) throw new ApiError('forbidden', { messageKey: 'errors.forbidden' });
      const tokens = await clientCredentials({ tokenEndpoint: endpoints.tokenEndpoint, clientId, clientSecret, fetch: fetchImpl });
      return toIdentityView(await session.signIn(tokens, 'client-credentials', { clientId, clientSecret }), 'client-credentials');
    },
  };
}

export function toIdentityView(identity: Identity, mode: IdentityView['mode']): IdentityView {
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

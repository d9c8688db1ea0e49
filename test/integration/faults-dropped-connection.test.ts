import { createServer } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { createIscClient } from '@/utils/api/client';
import { isApiError } from '@/utils/api/errors';
import { encryptPassword } from '@/utils/crypto';
import {
  type Background,
  englishTranslator,
  openPopup,
  signedInBackground,
  statusScreen,
  submitFromPopup,
} from '../fixtures/faults/background';
import { ACCOUNTS, createRig, freshPassword, hashFor, setPasswordCalls } from '../fixtures/faults/rig';
import { tenantForTests } from '../fixtures/tenant/per-file';

/**
 * Fault 3: the connection drops around set-password. A client cannot tell "dropped before ISC read it" from
 * "dropped after ISC applied it", so both are "outcome unknown" and neither is resent; only a connection that
 * never opened (refused) proves nothing was sent, and that is a plain "could not reach" the employee may retry.
 */

const tenant = tenantForTests({ statusDelayMs: 0 });

/** A loopback port with nothing listening: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a connection dropped after ISC applied the change', () => {
  it('is "outcome unknown" to the client, is not resent, and the change stays applied exactly once', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('G Suite');
    const accepted = tenant.setPasswordCount();
    const sentBefore = setPasswordCalls(tenant).length;
    const password = freshPassword();
    tenant.injectFault({ method: 'POST', path: '/v3/set-password', drop: 'after-processing' });

    const error = await rig.submit(info, password).catch((caught: unknown) => caught);

    expect(isApiError(error, 'outcome-unknown')).toBe(true);
    expect(
      setPasswordCalls(tenant)
        .slice(sentBefore)
        .map((entry) => entry.status),
    ).toEqual([0]);
    expect(tenant.setPasswordCount()).toBe(accepted + 1);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));
  });
});

describe('a connection dropped before ISC read the request', () => {
  it('is also "outcome unknown" (indistinguishable on the wire), nothing changed, and nothing is resent', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('G Suite');
    const before = tenant.accountState(ACCOUNTS.gSuite).passwordHash;
    const accepted = tenant.setPasswordCount();
    tenant.injectFault({ method: 'POST', path: '/v3/set-password', drop: 'before-body' });

    const error = await rig.submit(info, freshPassword()).catch((caught: unknown) => caught);

    expect(isApiError(error, 'outcome-unknown')).toBe(true);
    expect(tenant.setPasswordCount()).toBe(accepted);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(before);
  });
});

describe('a connection that never opens', () => {
  it('is a clear "could not reach" error: nothing was sent, and a retry once the network is back changes the password once', async () => {
    const rig = await createRig(tenant);
    const info = await rig.passwordInfo('G Suite');
    const before = tenant.accountState(ACCOUNTS.gSuite).passwordHash;
    const accepted = tenant.setPasswordCount();
    const offline = createIscClient({
      apiBaseUrl: `http://127.0.0.1:${await closedPort()}`,
      version: 'v3',
      getAccessToken: () => rig.session.getAccessToken(),
      refreshAccessToken: (rejected) => rig.session.refreshAccessToken(rejected),
    });
    const request = {
      identityId: info.identityId ?? '',
      sourceId: info.sourceId ?? '',
      accountId: ACCOUNTS.gSuite,
      publicKeyId: info.publicKeyId ?? '',
      encryptedPassword: await encryptPassword(freshPassword(), info.publicKey ?? '', 'pkcs1'),
    };

    const error = await offline.setPassword(request).catch((caught: unknown) => caught);

    expect(isApiError(error, 'unreachable')).toBe(true);
    const { messageKey, messageParams } = error as { messageKey: string; messageParams: string[] };
    expect(rig.t.t(messageKey, messageParams)).toMatch(/^Rekey could not reach 127\.0\.0\.1:\d+\. Check your network connection/);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(before);

    const password = freshPassword();
    const retried = await rig.submit(info, password);
    expect(retried.requestId).toEqual(expect.any(String));
    expect(tenant.setPasswordCount()).toBe(accepted + 1);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));
  });
});

describe('seen from the popup', () => {
  let background: Background;
  const t = englishTranslator();

  beforeEach(async () => {
    background = await signedInBackground(tenant, 'alice');
  });

  it('after the change was applied: "Outcome unknown" with advice to check, the password changed once, no second request', async () => {
    const popup = openPopup(background);
    const accepted = tenant.setPasswordCount();
    const sentBefore = setPasswordCalls(tenant).length;
    const password = freshPassword();
    tenant.injectFault({ method: 'POST', path: '/v3/set-password', drop: 'after-processing' });

    const result = await submitFromPopup(popup, 'G Suite', password);

    expect(result?.accounts).toEqual([{ accountId: ACCOUNTS.gSuite, ok: true, requestId: null }]);
    const screen = statusScreen(popup, t);
    expect(screen.notices).toEqual([]);
    expect(screen.changes).toHaveLength(1);
    expect(screen.changes[0]).toMatchObject({ source: 'G Suite', state: 'Outcome unknown' });
    expect(screen.changes[0]?.causes.join(' ')).toMatch(/Try the new password/);
    expect(setPasswordCalls(tenant).length - sentBefore).toBe(1);
    expect(tenant.setPasswordCount()).toBe(accepted + 1);
    expect(tenant.accountState(ACCOUNTS.gSuite).passwordHash).toBe(hashFor(tenant, ACCOUNTS.gSuite, password));
  });
});

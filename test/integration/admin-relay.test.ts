import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminSend } from '@/components/options/admin/admin-send';
import { IDS, type SandboxTenant, startTenant } from '@/sandbox/tenant';
import { createMessenger, MessageError } from '@/utils/messages/client';
import { type Background, signedInBackground } from '../fixtures/faults/background';

/**
 * The options page's Administration tools end to end: each command runs in the page, over the worker's real router
 * (`admin/request`, structured-cloned as a message is), against the sandbox tenant over HTTP. The token never
 * crosses: the page sees ISC's answers only.
 */

let tenant: SandboxTenant;
let background: Background;
const messages: unknown[] = [];
/** The admin's access token, as the worker holds it in storage.session. */
let accessToken = '';

beforeAll(async () => {
  tenant = await startTenant({ statusDelayMs: 0 });
  background = await signedInBackground(tenant, 'admin');
  const { session } = (await background.browser.storage.session.get('session')) as { session: { accessToken: string } };
  accessToken = session.accessToken;
});
afterAll(() => tenant.stop());

function optionsPage(version: 'v3' | 'v2024' = 'v3') {
  const send = createMessenger(async (message) => {
    messages.push(message);
    const sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' };
    const reply = structuredClone(await background.services.route(structuredClone(message), sender));
    messages.push(reply);
    return reply;
  });
  return createAdminSend(send, version);
}

describe('admin tools over the worker relay', () => {
  it('read and write the org config', async () => {
    const admin = optionsPage();
    expect(await admin({ type: 'admin/orgConfig/get' })).toMatchObject({ exists: false });
    const config = { customInstructionsEnabled: true, digitTokenEnabled: true, digitTokenLength: 8, digitTokenDurationMinutes: 10 };
    expect(await admin({ type: 'admin/orgConfig/save', exists: false, config })).toEqual({ exists: true, config });
    const changed = { ...config, digitTokenLength: 9 };
    expect(await admin({ type: 'admin/orgConfig/save', exists: true, config: changed })).toEqual({ exists: true, config: changed });
    expect(await admin({ type: 'admin/orgConfig/get' })).toEqual({ exists: true, config: changed });
  });

  it('creates a digit token on the version the page asks for, and explains v3 having none', async () => {
    const token = await optionsPage()({ type: 'admin/digitToken', userId: 'alice', length: 8, durationMinutes: 5, version: 'v2024' });
    expect(token).toMatchObject({ version: 'v2024', durationMinutes: 5 });
    expect(token.digitToken).toMatch(/^\d{8}$/);
    const refused = await optionsPage()({ type: 'admin/digitToken', userId: 'alice', length: 8, durationMinutes: 5 }).catch((e) => e);
    expect(refused).toBeInstanceOf(MessageError);
    expect((refused as MessageError).user).toMatchObject({ kind: 'unsupported-in-version', messageKey: 'errors.unsupportedInVersion' });
  });

  it('lists policies (with their rules), sync groups and sources', async () => {
    const admin = optionsPage();
    const { policies } = await admin({ type: 'admin/policies' });
    expect(policies.find((policy) => policy.id === IDS.adPolicy)?.rules.length).toBeGreaterThan(0);
    const { groups } = await admin({ type: 'admin/syncGroups' });
    expect(groups[0]?.sourceIds).toEqual([IDS.activeDirectory, IDS.workday]);
    const { sources } = await admin({ type: 'admin/sources' });
    expect(sources.map((source) => source.name)).toContain('Active Directory');
    expect(sources.find((source) => source.name === 'Active Directory')?.alsoChanges).toEqual(['Workday']);
  });

  it('checks access with one probe per read endpoint', async () => {
    expect(await optionsPage()({ type: 'admin/checkAccess' })).toMatchObject({
      orgConfigRead: { outcome: 'allowed' },
      policiesRead: { outcome: 'allowed' },
      syncGroupsRead: { outcome: 'allowed' },
    });
  });

  it('brings ISC refusals back as the same typed errors', async () => {
    const employee = await signedInBackground(tenant, 'alice');
    const send = createMessenger(async (message) =>
      structuredClone(
        await employee.services.route(structuredClone(message), {
          id: 'test-extension-id',
          url: 'chrome-extension://test-extension-id/options.html',
        }),
      ),
    );
    const failure = await createAdminSend(send, 'v3')({ type: 'admin/sources' }).catch((e) => e);
    expect((failure as MessageError).user).toMatchObject({ kind: 'forbidden', messageKey: 'errors.forbidden' });
    expect(await createAdminSend(send, 'v3')({ type: 'admin/checkAccess' })).toMatchObject({
      policiesRead: { outcome: 'denied', status: 403, kind: 'forbidden' },
    });
    background = await signedInBackground(tenant, 'admin');
  });

  it('never lets the token cross to the page', () => {
    expect(accessToken.length).toBeGreaterThan(20);
    expect(messages.length).toBeGreaterThan(10);
    const seen = JSON.stringify(messages);
    expect(seen).not.toContain(accessToken);
    expect(seen).not.toMatch(/Bearer|access_?token|refresh_?token/i);
  });
});

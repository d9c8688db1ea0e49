import { describe, expect, it } from 'vitest';
import { createAdminClient } from '@/utils/admin/client';
import { runAdminCommand } from '@/utils/admin/commands';
import type { AdminCommand } from '@/utils/admin/protocol';
import { ADMIN_OPERATIONS, type AdminRelayRequest } from '@/utils/admin/relay';
import { allowedSenders, type RequestType } from '@/utils/messages/protocol';
import { createRouter, type Handlers, type SenderInfo } from '@/utils/messages/router';

const identity = { extensionId: 'abcdefghijklmnop', extensionOrigin: 'chrome-extension://abcdefghijklmnop' };
const optionsPage: SenderInfo = { id: identity.extensionId, url: `${identity.extensionOrigin}/options.html` };
const contentScript: SenderInfo = {
  id: identity.extensionId,
  url: 'https://intranet.example/',
  tab: { id: 1, url: 'https://intranet.example/' },
};

const reached: unknown[] = [];
const handlers = new Proxy({} as Handlers, {
  get: () => (request: unknown) => {
    reached.push(request);
    return null;
  },
});
const route = createRouter(handlers, identity);

const relay = (fields: Record<string, unknown>) => ({ type: 'admin/request', version: 'v3', ...fields });

/** One well-formed relay request per operation the worker offers, and the diagnostics report. */
const workerRequests = [
  relay({ operation: 'org-config/get' }),
  relay({ operation: 'org-config/create', body: { digitTokenEnabled: true, digitTokenLength: 8 } }),
  relay({ operation: 'org-config/update', body: { customInstructionsEnabled: false } }),
  relay({ operation: 'digit-token/create', version: 'v2024', body: { userId: 'alice', length: 6, durationMinutes: 5 } }),
  relay({ operation: 'password-policies/list', query: { limit: 250, offset: 0 } }),
  relay({ operation: 'password-policies/get', id: '2c91808e7d976f3b017d9f5ceae440c8' }),
  relay({ operation: 'sync-groups/list' }),
  relay({ operation: 'sync-groups/get', id: '6881f631-3bd5-4213-9c75-8e05cc3e35dd' }),
  relay({ operation: 'sources/list', query: { limit: 1 } }),
  { type: 'admin/diagnostics' },
];

describe('admin messages to the worker', () => {
  it('are the relay and the diagnostics report, allowed from extension pages only', () => {
    const adminTypes = Object.keys(allowedSenders).filter((type) => type.startsWith('admin/')) as RequestType[];
    expect(adminTypes.sort()).toEqual(['admin/diagnostics', 'admin/request']);
    for (const type of adminTypes) expect(allowedSenders[type]).toEqual(['extension-page']);
  });

  it('cover every relayed operation', () => {
    const covered = workerRequests.flatMap((request) => ('operation' in request ? [request.operation] : []));
    expect(covered.sort()).toEqual(Object.keys(ADMIN_OPERATIONS).sort());
  });

  it('reach their handler from the options page', async () => {
    reached.length = 0;
    for (const request of workerRequests) expect(await route(request, optionsPage), JSON.stringify(request)).toMatchObject({ ok: true });
    expect(reached).toHaveLength(workerRequests.length);
  });

  it('are refused from a content script before any handler runs', async () => {
    reached.length = 0;
    for (const request of workerRequests) {
      expect(await route(request, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(reached).toEqual([]);
  });

  it('relay only a listed operation with exactly its parameters', async () => {
    const refused = [
      relay({ operation: 'identities/list' }),
      relay({ operation: 'org-config/delete' }),
      relay({ operation: 'org-config/get', version: 'v9' }),
      { type: 'admin/request', operation: 'org-config/get' },
      // Path parameters: ids only, never a path of their own.
      relay({ operation: 'password-policies/get', id: '../../oauth/token' }),
      relay({ operation: 'password-policies/get', id: 'a/b' }),
      relay({ operation: 'sync-groups/get', id: '' }),
      relay({ operation: 'sync-groups/get', id: 'x'.repeat(65) }),
      relay({ operation: 'sync-groups/get', id: 'grp?limit=1' }),
      relay({ operation: 'password-policies/get' }),
      relay({ operation: 'org-config/create' }),
      // Bodies are small flat objects; paging stays in ISC's range.
      relay({ operation: 'org-config/update', body: { nested: { a: 1 } } }),
      relay({ operation: 'org-config/update', body: { text: 'x'.repeat(201) } }),
      relay({ operation: 'org-config/update', body: Object.fromEntries([...'abcdefghi'].map((key) => [key, 1])) }),
      relay({ operation: 'sources/list', query: { limit: 251 } }),
      relay({ operation: 'sources/list', query: { limit: 1, offset: -1 } }),
    ];
    reached.length = 0;
    for (const request of refused) {
      expect(await route(request, optionsPage), JSON.stringify(request)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    expect(reached).toEqual([]);
  });

  it('drop parameters an operation does not take before the handler sees the request', async () => {
    reached.length = 0;
    const stray = [
      relay({ operation: 'org-config/get', id: 'abc', body: { digitTokenEnabled: true }, path: '/v3/identities' }),
      relay({ operation: 'sources/list', query: { limit: 1, sorters: 'name' }, headers: { Authorization: 'x' } }),
    ];
    for (const request of stray) expect(await route(request, optionsPage)).toMatchObject({ ok: true });
    expect(reached).toEqual([relay({ operation: 'org-config/get' }), relay({ operation: 'sources/list', query: { limit: 1 } })]);
  });
});

describe('admin commands in the options page', () => {
  it("refuse values outside the API's limits, so nothing is relayed and ISC never sees them", async () => {
    const relayed: AdminRelayRequest[] = [];
    const clientFor = () =>
      createAdminClient(async (request) => {
        relayed.push(request);
        return { ok: true, body: {} };
      }, 'v3');
    const config = { customInstructionsEnabled: false, digitTokenEnabled: true, digitTokenLength: 8, digitTokenDurationMinutes: 10 };
    const invalid = [
      { type: 'admin/orgConfig/save', exists: true, config: { ...config, digitTokenLength: 19 } },
      { type: 'admin/orgConfig/save', exists: true, config: { ...config, digitTokenDurationMinutes: 0 } },
      { type: 'admin/orgConfig/save', exists: true, config: { ...config, digitTokenLength: 7.5 } },
      { type: 'admin/digitToken', userId: 'alice', length: 5, durationMinutes: 5 },
      { type: 'admin/digitToken', userId: 'alice', length: 6, durationMinutes: 61 },
      { type: 'admin/digitToken', userId: '   ', length: 6, durationMinutes: 5 },
      { type: 'admin/digitToken', userId: 'alice', length: 6, durationMinutes: 5, version: 'v9' },
    ] as AdminCommand[];
    for (const command of invalid) await expect(runAdminCommand(clientFor, command), JSON.stringify(command)).rejects.toThrow();
    expect(relayed).toEqual([]);
    await runAdminCommand(clientFor, { type: 'admin/orgConfig/save', exists: true, config });
    expect(relayed).toEqual([{ type: 'admin/request', operation: 'org-config/update', version: 'v3', body: config }]);
  });
});

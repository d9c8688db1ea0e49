import { describe, expect, it } from 'vitest';
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

const adminRequests = [
  { type: 'admin/orgConfig/get' },
  {
    type: 'admin/orgConfig/save',
    exists: false,
    config: { customInstructionsEnabled: false, digitTokenEnabled: true, digitTokenLength: 8, digitTokenDurationMinutes: 10 },
  },
  { type: 'admin/digitToken', userId: 'alice', length: 6, durationMinutes: 5, version: 'v2024' },
  { type: 'admin/policies' },
  { type: 'admin/syncGroups' },
  { type: 'admin/checkAccess' },
  { type: 'admin/diagnostics' },
  { type: 'admin/sources' },
];

describe('admin messages', () => {
  it('are allowed from extension pages only', () => {
    const adminTypes = Object.keys(allowedSenders).filter((type) => type.startsWith('admin/')) as RequestType[];
    expect(adminTypes.sort()).toEqual(adminRequests.map((request) => request.type).sort());
    for (const type of adminTypes) expect(allowedSenders[type]).toEqual(['extension-page']);
  });

  it('reach their handler from the options page', async () => {
    reached.length = 0;
    for (const request of adminRequests) expect(await route(request, optionsPage), request.type).toMatchObject({ ok: true });
    expect(reached).toHaveLength(adminRequests.length);
  });

  it('are refused from a content script before any handler runs', async () => {
    reached.length = 0;
    for (const request of adminRequests) {
      expect(await route(request, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(reached).toEqual([]);
  });

  it("refuse values outside the API's limits, so ISC never sees them", async () => {
    const save = adminRequests[1] as { config: Record<string, unknown> };
    const invalid = [
      { ...save, config: { ...save.config, digitTokenLength: 19 } },
      { ...save, config: { ...save.config, digitTokenDurationMinutes: 0 } },
      { ...save, config: { ...save.config, digitTokenLength: 7.5 } },
      { type: 'admin/digitToken', userId: 'alice', length: 5, durationMinutes: 5 },
      { type: 'admin/digitToken', userId: 'alice', length: 6, durationMinutes: 61 },
      { type: 'admin/digitToken', userId: '   ', length: 6, durationMinutes: 5 },
      { type: 'admin/digitToken', userId: 'alice', length: 6, durationMinutes: 5, version: 'v9' },
    ];
    for (const request of invalid) {
      expect(await route(request, optionsPage), JSON.stringify(request)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminSection } from '@/components/options/admin/AdminSection';
import type { AdminSend } from '@/components/options/admin/admin-send';
import type { IdentityView, UiState } from '@/utils/messages/views';
import { defaultSettings } from '@/utils/settings/schema';

// The fake browser has no i18n; a key-echoing translator keeps the assertions about structure.
vi.mock('@/components/i18n', () => {
  const echo = (key: string, params?: ReadonlyArray<string | number>) => (params?.length ? `${key}(${params.join(',')})` : key);
  return {
    t: echo,
    tk: (ref: { key: string; params?: ReadonlyArray<string | number> }) => echo(ref.key, ref.params),
    translator: () => ({ formatDateTime: (ms: number) => new Date(ms).toISOString() }),
  };
});

function stateFor(identity: IdentityView | null): UiState {
  return {
    settings: { settings: { ...defaultSettings, tenant: 'acme', apiVersion: 'v3' }, managedKeys: [], lockedKeys: [] },
    configProblems: [],
    identity,
    tracker: { pending: [], history: [], badge: { pending: 0, failed: 0 }, needsSignIn: false },
    preselectSource: null,
  } as unknown as UiState;
}

const identity = (authorities: string[], scopes: string[]): IdentityView => ({
  identityId: 'id-1',
  userName: 'someone',
  displayName: null,
  tenant: 'acme',
  authorities,
  scopes,
  expiresAt: null,
  mode: 'oauth',
});

const diagnostics = {
  generatedAt: 0,
  extensionVersion: '0.1.0',
  tenant: 'acme',
  apiBaseUrl: 'https://acme.api.identitynow.com',
  apiVersion: 'v3',
  identity: null,
  requests: [],
  errors: [],
  counts: {},
};

let container: HTMLElement;
const sent: string[] = [];
let diagnosticsReply: unknown = diagnostics;
const send = (async (request: { type: string }) => {
  sent.push(request.type);
  if (request.type === 'admin/diagnostics') return diagnosticsReply;
  if (request.type === 'admin/digitToken') return { digitToken: '000417', requestId: 'r1', version: 'v2024', durationMinutes: 1 };
  throw new Error(`unexpected ${request.type}`);
}) as AdminSend;

async function show(state: UiState) {
  await act(async () => {
    render(<AdminSection state={state} send={send} copyText={async () => undefined} />, container);
  });
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  sent.length = 0;
  diagnosticsReply = diagnostics;
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

describe('Administration section', () => {
  it('is absent for an employee and when signed out, and asks the worker nothing', async () => {
    await show(stateFor(identity([], ['idn:password-info:read', 'idn:password-change:manage'])));
    expect(container.innerHTML).toBe('');
    await show(stateFor(null));
    expect(container.innerHTML).toBe('');
    expect(sent).toEqual([]);
  });

  it('shows only the tools the token grants', async () => {
    await show(stateFor(identity(['HELPDESK'], ['idn:password-digit-token:create'])));
    const panels = [...container.querySelectorAll('[data-testid="admin"], [data-testid^="admin-"]')].map((element) =>
      element.getAttribute('data-testid'),
    );
    expect(panels).toEqual(['admin', 'admin-access', 'admin-digit-token', 'admin-diagnostics']);
    expect(sent).toEqual(['admin/diagnostics']);
  });

  it('keeps a digit token (leading zeros included) only until it expires', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    await show(stateFor(identity(['ORG_ADMIN'], [])));
    const input = (selector: string, value: string) => {
      const element = container.querySelector<HTMLInputElement>(selector);
      if (!element) throw new Error(`no ${selector}`);
      element.value = value;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(async () => {
      input('#digit-userId', 'alice');
      input('#digit-durationMinutes', '1');
    });
    await act(async () => {
      container.querySelector<HTMLButtonElement>('[data-testid="digit-generate"]')?.click();
    });
    expect(container.querySelector('[data-testid="digit-token"]')?.textContent).toBe('000417');
    expect(container.querySelector('[data-testid="digit-countdown"]')?.textContent).toBe('admin.digit.expiresIn(1:00)');

    await act(async () => {
      vi.advanceTimersByTime(30_000);
    });
    expect(container.querySelector('[data-testid="digit-countdown"]')?.textContent).toBe('admin.digit.expiresIn(0:30)');

    await act(async () => {
      vi.advanceTimersByTime(31_000);
    });
    expect(container.querySelector('[data-testid="digit-token"]')).toBeNull();
    expect(container.innerHTML).not.toContain('000417');
    expect(container.querySelector('[data-testid="digit-status"]')?.textContent).toBe('admin.digit.expired');
  });

  it('shows the diagnostics redacted, whatever slipped into a record', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXBhcnQ';
    diagnosticsReply = {
      ...diagnostics,
      tenant: `acme access_token=${jwt}`,
      errors: [{ at: 0, kind: 'server', status: 500, trackingId: jwt, detailCode: null }],
    };
    await show(stateFor(identity(['HELPDESK'], ['idn:password-digit-token:create'])));
    await act(async () => undefined);
    const panel = container.querySelector('[data-testid="admin-diagnostics"]')?.textContent ?? '';
    expect(container.querySelector('[data-testid="diag-tenant"]')?.textContent).toBe('acme access_token=[redacted]');
    expect(panel).toContain('[redacted]');
    expect(panel).not.toContain('eyJhbGci');
  });
});

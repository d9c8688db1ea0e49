// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsForm } from '@/components/options/SettingsForm';
import type { Send } from '@/components/worker';
import type { IdentityView, UiState } from '@/utils/messages/views';
import { defaultSettings, type SettingKey, type Settings } from '@/utils/settings/schema';
import { click, mount, type Rendered, settle, submit, type } from '../fixtures/popup/dom';
import { english, useEnglish } from '../fixtures/popup/english';

/** The settings form saving the sources editor's rows through the worker's settings/update. */

const sources: Settings['sources'] = [
  { sourceName: 'Active Directory', label: 'Windows sign-in', alsoChanges: ['Workday'] },
  { sourceName: 'G Suite' },
];

function stateWith(options: { managedKeys?: SettingKey[]; lockedKeys?: SettingKey[]; identity?: IdentityView | null } = {}): UiState {
  return {
    settings: {
      settings: { ...defaultSettings, tenant: 'http://127.0.0.1:9', clientId: 'rekey-extension', sources },
      managedKeys: options.managedKeys ?? [],
      lockedKeys: options.lockedKeys ?? [],
    },
    configProblems: [],
    identity: options.identity ?? null,
    watchesBuiltInSites: true,
  } as unknown as UiState;
}

let view: Rendered | undefined;
const edits: Record<string, unknown>[] = [];
const send = (async (request: { type: string; edit?: Record<string, unknown> }) => {
  if (request.type === 'settings/update') {
    edits.push(request.edit ?? {});
    return { refused: [], invalid: [] };
  }
  throw new Error(`unexpected ${request.type}`);
}) as unknown as Send;

async function show(state: UiState) {
  useEnglish();
  edits.length = 0;
  view = await mount(<SettingsForm state={state} send={send} requestOrigins={async () => true} onSaved={() => undefined} />);
  return view;
}
afterEach(() => view?.unmount());

const form = () => view!.container.querySelector('form') as HTMLFormElement;

describe('saving the passwords offered', () => {
  it('sends the rows as the sources setting, in their order, without blank rows', async () => {
    const page = await show(stateWith());
    await click(page.byRole('button', { name: 'Move G Suite up' }));
    await click(page.byRole('button', { name: 'Add a password' }));
    await submit(form());
    await settle();
    expect(edits).toHaveLength(1);
    expect(edits[0]?.sources).toEqual([sources[1], sources[0]]);
    expect(page.byTestId('settings-status').textContent).toBe(english('options.saved'));
  });

  it('saves nothing while a row needs attention, and shows why under the field', async () => {
    const page = await show(stateWith());
    await click(page.byRole('button', { name: 'Add a password' }));
    const rows = page.container.querySelectorAll('[data-testid="source-row"]');
    await type(rows[2]!.querySelector('input[id$="-label"]') as HTMLInputElement, 'Payroll');
    await submit(form());
    await settle(20);
    expect(edits).toEqual([]);
    expect(page.byTestId('source-error').textContent).toBe(english('options.sourceNameRequired'));
    expect(page.byTestId('settings-status').textContent).toBe(english('options.fixErrors'));
  });

  it('leaves policy-set sources out of the edit and shows them locked', async () => {
    const page = await show(stateWith({ managedKeys: ['sources'], lockedKeys: ['sources'] }));
    expect(page.queryByRole('button', { name: 'Add a password' })).toBeNull();
    expect(page.container.querySelectorAll('[data-locked="true"]')).toHaveLength(2);
    await submit(form());
    await settle();
    expect(edits).toHaveLength(1);
    expect(edits[0]).not.toHaveProperty('sources');
  });

  it('offers "Add from Identity Security Cloud" to an administrator only', async () => {
    const admin: IdentityView = {
      identityId: 'id-admin',
      userName: 'admin',
      displayName: null,
      tenant: 'sandbox',
      authorities: ['ORG_ADMIN'],
      scopes: [],
      expiresAt: null,
      mode: 'oauth',
    } as IdentityView;
    let page = await show(stateWith({ identity: admin }));
    expect(page.queryByRole('button', { name: 'Add from Identity Security Cloud' })).not.toBeNull();
    page.unmount();
    page = await show(stateWith({ identity: { ...admin, authorities: [], scopes: ['idn:password-info:read'] } }));
    expect(page.queryByRole('button', { name: 'Add from Identity Security Cloud' })).toBeNull();
  });
});

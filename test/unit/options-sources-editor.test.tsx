// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { SourcesEditor, type SourcesEditorProps } from '@/components/options/sources/SourcesEditor';
import type { AdminSourcesView } from '@/utils/admin/sources';
import { MessageError } from '@/utils/messages/client';
import { emptySourceDraft, type SourceDraft, toSourceDraft } from '@/utils/settings/sources';
import { click, mount, type Rendered, settle, type, waitFor } from '../fixtures/popup/dom';
import { english, useEnglish } from '../fixtures/popup/english';

/** The editor inside a parent that owns the rows, as SettingsForm does; `latest` is what a save would send. */
let latest: SourceDraft[] = [];
function Harness(props: Omit<SourcesEditorProps, 'rows' | 'onChange'> & { initial: SourceDraft[] }) {
  const { initial, ...rest } = props;
  const [rows, setRows] = useState(initial);
  latest = rows;
  return <SourcesEditor {...rest} rows={rows} onChange={setRows} />;
}

const tenantSources: AdminSourcesView = {
  sources: [
    { id: 'ad', name: 'Active Directory', type: 'Active Directory - Direct', takesPasswords: true, alsoChanges: ['Workday'] },
    { id: 'gs', name: 'G Suite', type: 'Google Apps', takesPasswords: true, alsoChanges: [] },
    { id: 'hr', name: 'Payroll export', type: 'Delimited File', takesPasswords: false, alsoChanges: [] },
  ],
  truncated: false,
};

let view: Rendered | undefined;
async function show(initial: SourceDraft[], options: Partial<SourcesEditorProps> = {}) {
  useEnglish();
  view = await mount(<Harness initial={initial} managed={false} locked={false} showAllProblems={false} listSources={null} {...options} />);
  return view;
}
afterEach(() => view?.unmount());

const rows = () => view!.allByRole('listitem').filter((li) => li.dataset.testid === 'source-row');
const names = () => rows().map((li) => li.dataset.source);
const ad = toSourceDraft({ sourceName: 'Active Directory', label: 'Windows sign-in', alsoChanges: ['Workday'] });
const gsuite = toSourceDraft({ sourceName: 'G Suite' });

describe('the sources editor', () => {
  it('shows one row per password with four named fields', async () => {
    const editor = await show([ad, gsuite]);
    expect(names()).toEqual(['Active Directory', 'G Suite']);
    const first = rows()[0]!;
    for (const label of ['Source name *', 'Label', 'User name on this source', 'Also changes']) {
      expect([...first.querySelectorAll('label')].map((l) => l.textContent)).toContain(label);
    }
    expect(editor.byRole('heading', { name: 'Password 1 Windows sign-in' })).toBeTruthy();
    expect((first.querySelector('input[id$="alsoChanges"]') as HTMLInputElement).value).toBe('Workday');
  });

  it('adds an empty row and puts the cursor in its source name', async () => {
    const editor = await show([ad]);
    await click(editor.byRole('button', { name: 'Add a password' }));
    await settle();
    expect(rows()).toHaveLength(2);
    expect(document.activeElement).toBe(rows()[1]!.querySelector('input[id$="sourceName"]'));
    await type(document.activeElement as HTMLInputElement, 'Workday');
    expect(latest.map((row) => row.sourceName)).toEqual(['Active Directory', 'Workday']);
  });

  it('removes a row, says so, and moves focus to the row that took its place', async () => {
    const editor = await show([ad, gsuite]);
    await click(editor.byRole('button', { name: 'Remove Windows sign-in' }));
    await settle();
    expect(names()).toEqual(['G Suite']);
    expect(editor.byTestId('sources-announcement').textContent).toBe('Windows sign-in removed.');
    expect(document.activeElement?.textContent).toContain('Password 1');
    await click(editor.byRole('button', { name: 'Remove G Suite' }));
    await settle();
    expect(latest).toEqual([]);
    expect(document.activeElement).toBe(editor.byRole('button', { name: 'Add a password' }));
  });

  it('reorders rows, announces the new position and keeps focus on a usable button', async () => {
    const editor = await show([ad, gsuite]);
    const down = editor.byRole<HTMLButtonElement>('button', { name: 'Move Windows sign-in down' });
    expect(editor.byRole<HTMLButtonElement>('button', { name: 'Move Windows sign-in up' }).disabled).toBe(true);
    await click(down);
    await settle();
    expect(names()).toEqual(['G Suite', 'Active Directory']);
    expect(latest.map((row) => row.sourceName)).toEqual(['G Suite', 'Active Directory']);
    expect(editor.byTestId('sources-announcement').textContent).toBe('Windows sign-in is now number 2 of 2.');
    // "Move down" is disabled at the bottom, so focus is on "Move up" of the same row.
    expect(document.activeElement).toBe(editor.byRole('button', { name: 'Move Windows sign-in up' }));
  });

  it('explains a missing source name once the field is left, in plain language tied to the field', async () => {
    const editor = await show([emptySourceDraft()]);
    const label = rows()[0]!.querySelector<HTMLInputElement>('input[id$="-label"]')!;
    await type(label, 'Windows sign-in');
    expect(editor.queryByTestId('source-error')).toBeNull();
    const name = rows()[0]!.querySelector<HTMLInputElement>('input[id$="sourceName"]')!;
    name.dispatchEvent(new Event('blur'));
    await settle();
    const error = editor.byTestId('source-error');
    expect(error.textContent).toBe(english('options.sourceNameRequired'));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
  });

  it('shows every problem after a save attempt, also on fields nobody visited', async () => {
    const editor = await show([ad, toSourceDraft({ sourceName: 'active directory' })], { showAllProblems: true });
    expect(editor.byTestId('source-error').textContent).toBe(english('options.sourceNameDuplicate', ['active directory']));
  });

  it('previews the popup cards for the valid rows only', async () => {
    const editor = await show([ad, gsuite, toSourceDraft({ sourceName: 'g suite' })]);
    const cards = editor.container.querySelectorAll('[data-testid="preview-card"]');
    expect([...cards].map((card) => card.textContent)).toEqual([
      `Windows sign-inActive Directory${english('popup.alsoChanges', ['Workday'])}`,
      'G Suite',
    ]);
    await click(editor.byRole('button', { name: 'Remove Windows sign-in' }));
    await click(editor.byRole('button', { name: 'Remove G Suite' }));
    await click(editor.byRole('button', { name: 'Remove g suite' }));
    expect(editor.byTestId('sources-preview-empty').textContent).toBe(english('options.sourcesPreviewEmpty'));
  });

  it('shows policy-set rows locked: no fields, no buttons, and who set them', async () => {
    const editor = await show([ad, gsuite], { managed: true, locked: true });
    expect(rows().every((row) => row.dataset.locked === 'true')).toBe(true);
    expect(editor.container.querySelectorAll('input, button')).toHaveLength(0);
    expect(rows()[0]!.textContent).toContain(english('options.managedLocked'));
    expect(rows()[0]!.textContent).toContain('Windows sign-in');
    expect(editor.allByRole('listitem').filter((li) => li.dataset.testid === 'preview-card')).toHaveLength(2);
  });
});

describe('"Add from Identity Security Cloud"', () => {
  it('is not offered when the sign-in may not list sources', async () => {
    const editor = await show([ad]);
    expect(editor.queryByRole('button', { name: 'Add from Identity Security Cloud' })).toBeNull();
  });

  it("lists the tenant's sources and adds the chosen ones with their password group", async () => {
    let calls = 0;
    const editor = await show([gsuite], {
      listSources: async () => {
        calls++;
        return tenantSources;
      },
    });
    const open = editor.byRole('button', { name: 'Add from Identity Security Cloud' });
    await click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => editor.queryByTestId('picker-add'));
    expect(calls).toBe(1);
    expect(document.activeElement?.id).toBe('source-picker-title');
    const box = (name: string) => editor.byLabel<HTMLInputElement>(name);
    expect(box('G Suite').disabled).toBe(true);
    expect(box('Payroll export').disabled).toBe(true);
    expect(editor.byTestId('source-picker').textContent).toContain(english('options.pickerNoPasswords'));

    await click(editor.byTestId('picker-add'));
    expect(editor.byRole('alert').textContent).toBe(english('options.pickerNothingChosen'));

    await click(box('Active Directory'));
    await click(editor.byTestId('picker-add'));
    await settle();
    expect(editor.queryByTestId('source-picker')).toBeNull();
    expect(latest).toEqual([gsuite, { sourceName: 'Active Directory', label: '', userName: '', alsoChanges: 'Workday' }]);
    expect(editor.byTestId('sources-announcement').textContent).toBe('Added: Active Directory.');
    expect(document.activeElement?.textContent).toContain('Password 2');
  });

  it('stops offering the picker when Identity Security Cloud refuses the token (403)', async () => {
    const refusal = new MessageError('handler-failed', 'forbidden', { kind: 'forbidden', messageKey: 'errors.forbidden', params: [] });
    const editor = await show([ad], { listSources: () => Promise.reject(refusal) });
    await click(editor.byRole('button', { name: 'Add from Identity Security Cloud' }));
    const error = await waitFor(() => editor.queryByTestId('picker-error'));
    expect(error.textContent).toBe(english('options.pickerForbidden'));
    expect(editor.queryByRole('button', { name: 'Add from Identity Security Cloud' })).toBeNull();
    await click(editor.byRole('button', { name: 'Close' }));
    await settle();
    expect(editor.queryByTestId('source-picker')).toBeNull();
    expect(document.activeElement).toBe(editor.byRole('button', { name: 'Add a password' }));
  });

  it('explains any other failure and tries again on request', async () => {
    let attempts = 0;
    const editor = await show([ad], {
      listSources: () => {
        attempts++;
        return attempts === 1
          ? Promise.reject(new MessageError('handler-failed', 'down', { kind: 'server', messageKey: 'errors.server', params: ['503'] }))
          : Promise.resolve(tenantSources);
      },
    });
    await click(editor.byRole('button', { name: 'Add from Identity Security Cloud' }));
    const error = await waitFor(() => editor.queryByTestId('picker-error'));
    expect(error.textContent).toContain(english('errors.server', ['503']));
    await click(editor.byRole('button', { name: english('admin.retry') }));
    await waitFor(() => editor.queryByTestId('picker-add'));
    expect(attempts).toBe(2);
  });
});

// @vitest-environment happy-dom
import { options, type VNode } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewPassword } from '@/components/popup/NewPassword';
import { checkPassword, isCompliant, parsePolicies } from '@/utils/policy';
import { click, type Rendered, settle, type, waitFor } from '../fixtures/popup/dom';
import { english } from '../fixtures/popup/english';
import { type MountedPopup, openPasswordScreen } from '../fixtures/popup/popup';
import { adPolicies, type Handlers, popupState, targetView } from '../fixtures/popup/state';

const compliant = 'Quiet-Harbor-Lantern-72';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const handlers = (extra: Handlers = {}): Handlers => ({
  'state/get': popupState(),
  'password/info': (r) => targetView(r.sourceName),
  ...extra,
});

async function open(extra: Handlers = {}): Promise<MountedPopup> {
  const popup = await openPasswordScreen(handlers(extra));
  view = popup;
  return popup;
}

const passwordField = (p: Rendered) => p.byLabel<HTMLInputElement>('New password');
const confirmField = (p: Rendered) => p.byLabel<HTMLInputElement>('Type it again');
const submitButton = (p: Rendered) => p.byTestId<HTMLButtonElement>('submit');
const reason = (p: Rendered) => p.byTestId('submit-reason').textContent;
const statuses = (p: Rendered) => [...p.byTestId('checklist').querySelectorAll('li')].map((li) => li.getAttribute('data-status'));
const checklistSettled = (p: Rendered) => p.byTestId('checklist-summary').textContent !== '';

describe('new password: the live checklist', () => {
  it('lists every rule of the policy, unknown ones verbatim and never blocking', async () => {
    const popup = await open();
    expect(popup.byRole('heading', { name: 'New password for Windows sign-in' })).toBeTruthy();
    const items = [...popup.byTestId('checklist').querySelectorAll('li')];
    expect(items.map((li) => li.children[2]?.textContent)).toEqual([
      'At least 12 characters',
      'At least 1 digit',
      'At least 1 special character (anything but a letter or digit, a space included)',
      'At least 1 uppercase letter',
      'At least 1 lowercase letter',
      'No character more than 3 times in a row',
      'Must be approved by the works council',
    ]);
    const unknown = items.at(-1)!;
    expect(unknown.getAttribute('data-status')).toBe('unknown');
    // Each state is said in words for screen readers, not by colour or symbol alone.
    expect(unknown.querySelector('.visually-hidden')?.textContent).toBe('Rule from your organisation: ');
    expect(unknown.querySelector('[aria-hidden="true"]')?.textContent).toBe('?');
  });

  it('follows typing only after a short pause, then says how many rules are unmet', async () => {
    const popup = await open();
    await type(passwordField(popup), 'short');
    // Right after typing the checklist still shows the previous (empty) password and announces nothing.
    expect(popup.byTestId('checklist-summary').textContent).toBe('');
    await waitFor(() => checklistSettled(popup));
    expect(popup.byTestId('checklist-summary').textContent).toBe('4 password rules are not met yet.');
    expect(statuses(popup)).toEqual(['unmet', 'unmet', 'unmet', 'unmet', 'met', 'met', 'unknown']);
    const length = popup.byTestId('checklist').querySelector('li')!;
    expect(length.textContent).toContain('At least 12 characters — 7 more needed');

    await type(passwordField(popup), compliant);
    await waitFor(() => popup.byTestId('checklist-summary').textContent === 'All password rules are met.');
    expect(statuses(popup)).toEqual(['met', 'met', 'met', 'met', 'met', 'met', 'unknown']);
  });

  it('settles after typing instead of re-rendering without end', async () => {
    const popup = await open();
    let renders = 0;
    const previous = options.diffed;
    options.diffed = (vnode: VNode) => {
      if (vnode.type === NewPassword) renders += 1;
      previous?.(vnode);
    };
    try {
      // Outside act(): act() would spin forever on a render loop instead of failing.
      const input = passwordField(popup);
      input.value = compliant;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      options.diffed = previous;
    }
    // Typing, the debounced check and the strength estimate: a handful of renders, not hundreds.
    expect(renders).toBeGreaterThan(0);
    expect(renders).toBeLessThan(10);
  });

  it('shows how strong the password is', async () => {
    const popup = await open();
    expect(popup.queryByRole('meter')).toBeNull();
    await type(passwordField(popup), compliant);
    const meter = await waitFor(() => popup.queryByRole('meter'));
    expect(['Strong', 'Very strong']).toContain(meter.getAttribute('aria-valuetext'));
  });
});

describe('new password: when submitting is allowed', () => {
  it('says why it is disabled: empty, an unmet rule, a mismatch; and enables a compliant, matching password', async () => {
    const popup = await open();
    expect(submitButton(popup).disabled).toBe(true);
    expect(reason(popup)).toBe('Type a new password or generate one.');

    await type(passwordField(popup), 'longenoughbutplain');
    await waitFor(() => checklistSettled(popup));
    expect(submitButton(popup).disabled).toBe(true);
    expect(reason(popup)).toBe('Not yet: At least 1 digit');

    await type(passwordField(popup), compliant);
    await type(confirmField(popup), `${compliant}x`);
    await waitFor(() => checklistSettled(popup));
    expect(submitButton(popup).disabled).toBe(true);
    expect(reason(popup)).toBe('The two passwords do not match yet.');

    await type(confirmField(popup), compliant);
    await waitFor(() => !submitButton(popup).disabled);
    expect(reason(popup)).toBe('Ready to change.');
    // The reason is what a screen reader reads with the password field.
    expect(passwordField(popup).getAttribute('aria-describedby')).toContain('submit-reason');
  });

  it('stays disabled while the checklist has not caught up with the typing', async () => {
    const popup = await open();
    await type(passwordField(popup), compliant);
    await type(confirmField(popup), compliant);
    await waitFor(() => !submitButton(popup).disabled);
    await type(passwordField(popup), `${compliant}!`);
    // Not yet checked: a stale "all met" must not let it through.
    expect(submitButton(popup).disabled).toBe(true);
  });

  it('does not enable submit for a password the checklist has not judged yet (both fields filled at once)', async () => {
    const popup = await open();
    await type(passwordField(popup), compliant);
    await type(confirmField(popup), compliant);
    await waitFor(() => !submitButton(popup).disabled);
    // A password manager fills both fields in one go: the checklist still shows the old verdict.
    await type(passwordField(popup), 'abc');
    await type(confirmField(popup), 'abc');
    expect(submitButton(popup).disabled).toBe(true);
    await waitFor(() => checklistSettled(popup));
    expect(reason(popup)).toBe('Not yet: At least 12 characters');
  });

  it('asks for at least one account when the employee unticks them all', async () => {
    const two = targetView('Active Directory', {
      accounts: [
        { accountId: 'CN=Alice Smith,OU=Staff,DC=corp,DC=example', accountName: 'alice.smith' },
        { accountId: 'WD-100234', accountName: 'asmith' },
      ],
    });
    const popup = await open({ 'password/info': (r) => (r.sourceName === 'Active Directory' ? two : targetView(r.sourceName)) });
    const boxes = popup.allByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => [b.closest('label')?.textContent?.trim(), b.checked])).toEqual([
      ['alice.smith', true],
      ['asmith', true],
    ]);
    await type(passwordField(popup), compliant);
    await type(confirmField(popup), compliant);
    await waitFor(() => !submitButton(popup).disabled);
    await click(boxes[0]!);
    await click(boxes[1]!);
    expect(reason(popup)).toBe('Choose at least one account.');
    expect(submitButton(popup).disabled).toBe(true);
  });

  it('explains a policy that no password can satisfy', async () => {
    const impossible = targetView('Active Directory', { policies: ['passwordMinLength is 20', 'passwordMaxLength is 10'] });
    const popup = await open({ 'password/info': (r) => (r.sourceName === 'Active Directory' ? impossible : targetView(r.sourceName)) });
    expect(reason(popup)).toBe(english('popup.policyConflict'));
    expect(popup.byRole('alert').textContent).toContain('the maximum length (10) is below the minimum length (20)');
    expect(submitButton(popup).disabled).toBe(true);
  });
});

describe('new password: show, generate, copy', () => {
  it('shows and hides both fields with one toggle that says its state', async () => {
    const popup = await open();
    expect([passwordField(popup).type, confirmField(popup).type]).toEqual(['password', 'password']);
    const toggle = popup.byRole('button', { name: 'Show' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await click(toggle);
    expect([passwordField(popup).type, confirmField(popup).type]).toEqual(['text', 'text']);
    expect(popup.byRole('button', { name: 'Hide' }).getAttribute('aria-pressed')).toBe('true');
    await click(popup.byRole('button', { name: 'Hide' }));
    expect(passwordField(popup).type).toBe('password');
  });

  it('generates a compliant password into both fields, shows it and offers Copy', async () => {
    const popup = await open();
    expect(popup.queryByTestId('copy')).toBeNull();
    await click(popup.byRole('button', { name: 'Generate a password' }));
    await waitFor(() => passwordField(popup).value !== '');
    const generated = passwordField(popup).value;
    expect(confirmField(popup).value).toBe(generated);
    expect(passwordField(popup).type).toBe('text');
    const rules = parsePolicies(adPolicies);
    expect(isCompliant(checkPassword(generated, rules, { accountNames: ['alice.smith'] }))).toBe(true);
    await waitFor(() => !submitButton(popup).disabled);

    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await click(popup.byRole('button', { name: 'Copy' }));
    await waitFor(() => popup.queryByRole('button', { name: 'Copied' }));
    expect(writeText).toHaveBeenCalledWith(generated);
    expect(popup.text()).toContain(english('popup.clipboardClears'));
  });

  it('generates a different password each time', async () => {
    const popup = await open();
    const seen = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      await click(popup.byRole('button', { name: 'Generate a password' }));
      await waitFor(() => passwordField(popup).value !== '' && !seen.has(passwordField(popup).value));
      seen.add(passwordField(popup).value);
    }
    expect(seen.size).toBe(3);
  });

  it('withdraws Copy once the employee edits the generated password', async () => {
    const popup = await open();
    await click(popup.byRole('button', { name: 'Generate a password' }));
    await waitFor(() => popup.queryByTestId('copy'));
    await type(passwordField(popup), `${passwordField(popup).value}z`);
    await settle();
    expect(popup.queryByTestId('copy')).toBeNull();
  });

  it('goes back to the list with Back', async () => {
    const popup = await open();
    await click(popup.byRole('button', { name: '← Back' }));
    await waitFor(() => popup.queryByTestId('choose'));
  });
});

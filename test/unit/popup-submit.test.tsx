// @vitest-environment happy-dom

import { execFileSync } from 'node:child_process';
import { constants, createHash, privateDecrypt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RequestSchema } from '@/utils/messages/protocol';
import type { Settings } from '@/utils/settings/schema';
import { click, type Rendered, submit, type, waitFor } from '../fixtures/popup/dom';
import { english } from '../fixtures/popup/english';
import { type MountedPopup, openPasswordScreen } from '../fixtures/popup/popup';
import { acceptedSubmission, change, type Handlers, popupState, targetView, testKeys, userError } from '../fixtures/popup/state';

const typed = 'Quiet-Harbor-Lantern-72';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
  sessionStorage.clear();
});

/** A worker that accepts the change and then reports it pending. */
function worker(settings: Partial<Settings> = {}, extra: Handlers = {}): Handlers {
  let submitted = false;
  return {
    'state/get': () => {
      const state = popupState({}, settings);
      if (submitted) state.tracker.pending = [change({ submissionId: 'sub-1' })];
      return state;
    },
    'password/info': (r) => targetView(r.sourceName),
    'password/submit': (r) => {
      submitted = true;
      return acceptedSubmission(r.accounts.map((a) => a.accountId));
    },
    'tracker/markSeen': null,
    ...extra,
  };
}

async function open(settings: Partial<Settings> = {}, extra: Handlers = {}): Promise<MountedPopup> {
  const popup = await openPasswordScreen(worker(settings, extra));
  view = popup;
  return popup;
}

async function typeBoth(popup: Rendered, password: string) {
  await type(popup.byLabel<HTMLInputElement>('New password'), password);
  await type(popup.byLabel<HTMLInputElement>('Type it again'), password);
}

async function typeAndSubmit(popup: MountedPopup, password = typed) {
  await typeBoth(popup, password);
  const button = await waitFor(() => {
    const b = popup.byTestId<HTMLButtonElement>('submit');
    return b.disabled ? null : b;
  });
  await click(button);
}

function decryptWithOpenssl(ciphertextBase64: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rekey-popup-'));
  try {
    const key = join(dir, 'key.pem');
    const input = join(dir, 'ciphertext.bin');
    writeFileSync(key, testKeys().privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(input, Buffer.from(ciphertextBase64, 'base64'));
    // PKCS#1 v1.5 is openssl pkeyutl's default padding; Node refuses to decrypt it.
    return execFileSync('openssl', ['pkeyutl', '-decrypt', '-inkey', key, '-in', input]).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('submitting: only ciphertext leaves the popup', () => {
  it('sends RSA PKCS#1 v1.5 ciphertext of the typed password and ids, nothing else', async () => {
    const popup = await open();
    await typeAndSubmit(popup);
    await waitFor(() => popup.queryByTestId('status'));

    const [request] = popup.messenger.of('password/submit');
    expect(request).toBeDefined();
    expect(Object.keys(request!).sort()).toEqual(
      ['accounts', 'alsoChanges', 'encryptedPassword', 'identityId', 'publicKeyId', 'sourceId', 'sourceName', 'type'].sort(),
    );
    expect(request).toMatchObject({
      sourceName: 'Active Directory',
      sourceId: 'src-active-directory',
      identityId: 'id-alice',
      publicKeyId: 'key-active-directory',
      accounts: [{ accountId: 'CN=Alice Smith,OU=Staff,DC=corp,DC=example', accountName: 'alice.smith' }],
      alsoChanges: ['Workday'],
    });
    expect(request!.encryptedPassword).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(request!.encryptedPassword.length).toBeGreaterThanOrEqual(256);
    // The worker's own validation accepts it.
    expect(v.safeParse(RequestSchema, request).success).toBe(true);

    expect(decryptWithOpenssl(request!.encryptedPassword)).toBe(typed);
    expect(JSON.stringify(popup.messenger.requests)).not.toContain(typed);
  });

  it('uses OAEP with SHA-256 when the organisation configured it', async () => {
    const popup = await open({ padding: 'oaep-sha256' });
    await typeAndSubmit(popup);
    await waitFor(() => popup.queryByTestId('status'));
    const [request] = popup.messenger.of('password/submit');
    const plaintext = privateDecrypt(
      { key: testKeys().privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(request!.encryptedPassword, 'base64'),
    ).toString('utf8');
    expect(plaintext).toBe(typed);
    expect(JSON.stringify(popup.messenger.requests)).not.toContain(typed);
  });

  it('sends a fresh ciphertext each time (random padding)', async () => {
    const popup = await open();
    await typeAndSubmit(popup);
    await waitFor(() => popup.queryByTestId('status'));
    await click(popup.byRole('button', { name: '← Back' }));
    await click(await waitFor(() => popup.queryByRole('button', { name: 'Change the Windows sign-in password' })));
    await typeAndSubmit(popup);
    await waitFor(() => popup.messenger.of('password/submit').length === 2);
    const [first, second] = popup.messenger.of('password/submit');
    expect(first!.encryptedPassword).not.toBe(second!.encryptedPassword);
  });

  it('never writes the password to localStorage, sessionStorage or extension storage', async () => {
    const writes: unknown[] = [];
    const record = (...args: unknown[]) => {
      writes.push(args);
    };
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(record);
    for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session, fakeBrowser.storage.sync]) {
      vi.spyOn(area, 'set').mockImplementation(async (items) => record(items));
    }
    // The spies do see writes.
    localStorage.setItem('probe', '1');
    sessionStorage.setItem('probe', '1');
    await fakeBrowser.storage.local.set({ probe: 1 });
    expect(writes).toHaveLength(3);
    writes.length = 0;
    const popup = await open();
    await typeBoth(popup, 'first-Attempt-99');
    await click(popup.byRole('button', { name: 'Generate a password' }));
    await waitFor(() => popup.queryByTestId('copy'));
    await typeAndSubmit(popup);
    await waitFor(() => popup.queryByTestId('status'));

    expect(writes).toEqual([]);
    const everything = JSON.stringify([
      { ...localStorage },
      { ...sessionStorage },
      await fakeBrowser.storage.local.get(null),
      await fakeBrowser.storage.session.get(null),
      popup.actions.store.getState(),
    ]);
    expect(everything).not.toContain(typed);
    expect(everything).not.toContain('first-Attempt-99');
  });

  it('clears both fields once the change is accepted and shows its status, focused on the heading', async () => {
    const popup = await open();
    await typeAndSubmit(popup);
    await waitFor(() => popup.queryByTestId('status'));
    expect(popup.container.querySelector('input[type="password"], input[type="text"]')).toBeNull();
    const heading = popup.byRole('heading', { name: 'Your password changes' });
    expect(document.activeElement).toBe(heading);
    expect(popup.byTestId('current-changes').textContent).toContain('In progress');
  });

  it('shows "Changing…" and refuses a second submit while the first is on its way', async () => {
    let release!: () => void;
    const popup = await open(
      {},
      {
        'password/submit': (r) =>
          new Promise((resolve) => {
            release = () => resolve(acceptedSubmission(r.accounts.map((a) => a.accountId)));
          }),
      },
    );
    await typeAndSubmit(popup);
    const busy = await waitFor(() => popup.queryByRole<HTMLButtonElement>('button', { name: 'Changing…' }));
    expect(busy.disabled).toBe(true);
    await submit(popup.byTestId<HTMLFormElement>('new-password'));
    expect(popup.messenger.of('password/submit')).toHaveLength(1);
    release();
    await waitFor(() => popup.queryByTestId('status'));
  });

  it('keeps the password and explains why when the worker refuses the change', async () => {
    const popup = await open(
      {},
      {
        'password/submit': () => {
          throw userError('errors.server', ['503'], 'server');
        },
      },
    );
    await typeAndSubmit(popup);
    const alert = await waitFor(() => popup.queryByRole('alert'));
    expect(alert.textContent).toContain(english('errors.server', ['503']));
    expect(popup.queryByTestId('status')).toBeNull();
    expect(popup.byLabel<HTMLInputElement>('New password').value).toBe(typed);
    // The explanation never repeats the password.
    expect(popup.text()).not.toContain(typed);
  });

  it('moves focus to the screen heading when the password screen opens', async () => {
    const popup = await open();
    expect(document.activeElement).toBe(popup.byRole('heading', { name: 'New password for Windows sign-in' }));
  });
});

describe('submitting: the breach check', () => {
  function breachEndpoint(count: number) {
    const hash = createHash('sha1').update(typed).digest('hex').toUpperCase();
    const urls: string[] = [];
    const fetch = vi.fn(async (url: string) => {
      urls.push(url);
      const body = [`${hash.slice(5)}:${count}`, '0000000000000000000000000000000000A:0', 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:3'].join(
        '\r\n',
      );
      return new Response(body, { status: 200 });
    });
    vi.stubGlobal('fetch', fetch);
    return { hash, urls, fetch };
  }

  it('sends only five hex characters of the SHA-1 and blocks a breached password when the organisation says so', async () => {
    const endpoint = breachEndpoint(4_211);
    const popup = await open({ breachCheck: 'block', breachEndpoint: 'https://breach.example' });
    await typeBoth(popup, typed);
    await waitFor(() => popup.byTestId('submit-reason').textContent === english('popup.reasonBreachPending'));
    const notice = await waitFor(() => popup.queryByTestId('breach'));
    expect(endpoint.urls).toEqual([`https://breach.example/range/${endpoint.hash.slice(0, 5)}`]);
    expect(endpoint.urls.join()).not.toContain(typed);
    const blocking =
      'This password has appeared in data breaches 4,211 times, and your organisation does not allow such passwords. Choose another one.';
    expect(notice.textContent).toBe(blocking);
    expect(popup.byTestId('submit-reason').textContent).toBe(blocking);
    expect(popup.byTestId<HTMLButtonElement>('submit').disabled).toBe(true);
  });

  it('says which service checks for breaches and what leaves the computer, before anything is typed, and nothing when the check is off', async () => {
    const popup = await open({ breachCheck: 'warn', breachEndpoint: 'https://breach.example' });
    expect(popup.byTestId('breach-disclosure').textContent).toBe(english('popup.breachDisclosure', ['breach.example']));
    popup.unmount();
    const off = await open({ breachCheck: 'off', breachEndpoint: 'https://breach.example' });
    expect(off.queryByTestId('breach-disclosure')).toBeNull();
  });

  it('never enables submit, not even for one render, before the breach verdict for this password', async () => {
    const hash = createHash('sha1').update(typed).digest('hex').toUpperCase();
    let answer!: (response: Response) => void;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        () =>
          new Promise<Response>((resolve) => {
            answer = resolve;
          }),
      ),
    );
    const popup = await open({ breachCheck: 'block', breachEndpoint: 'https://breach.example' });
    const button = popup.byTestId<HTMLButtonElement>('submit');
    // Every value Preact gives the button's `disabled` property, including ones undone a moment later.
    const states: boolean[] = [];
    let proto: object | null = button;
    while (proto && !Object.getOwnPropertyDescriptor(proto, 'disabled')) proto = Object.getPrototypeOf(proto);
    const property = Object.getOwnPropertyDescriptor(proto!, 'disabled')!;
    Object.defineProperty(button, 'disabled', {
      configurable: true,
      get: () => property.get!.call(button),
      set: (value: boolean) => {
        states.push(value);
        property.set!.call(button, value);
      },
    });
    await typeBoth(popup, typed);
    await waitFor(() => answer !== undefined);
    expect(states).not.toContain(false);
    expect(button.disabled).toBe(true);

    answer(new Response(`${hash.slice(5)}:3`, { status: 200 }));
    await waitFor(() => popup.queryByTestId('breach'));
    expect(button.disabled).toBe(true);
  });

  it('warns about a breached password but lets it through in warn mode', async () => {
    breachEndpoint(1);
    const popup = await open({ breachCheck: 'warn', breachEndpoint: 'https://breach.example' });
    await typeBoth(popup, typed);
    const notice = await waitFor(() => popup.queryByTestId('breach'));
    expect(notice.textContent).toContain('has appeared in a data breach once');
    await waitFor(() => !popup.byTestId<HTMLButtonElement>('submit').disabled);
  });

  it('asks nothing of the breach service while the password is not yet compliant, or when the check is off', async () => {
    const endpoint = breachEndpoint(0);
    const popup = await open({ breachCheck: 'warn', breachEndpoint: 'https://breach.example' });
    await typeBoth(popup, 'short');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(endpoint.fetch).not.toHaveBeenCalled();
    popup.unmount();

    const off = await open({ breachCheck: 'off', breachEndpoint: 'https://breach.example' });
    await typeAndSubmit(off);
    await waitFor(() => off.queryByTestId('status'));
    expect(endpoint.fetch).not.toHaveBeenCalled();
  });
});

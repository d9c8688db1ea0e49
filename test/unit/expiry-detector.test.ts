import { Window } from 'happy-dom';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectExpiry, type ExpiryVerdict } from '@/utils/expiry';

const URL = 'https://login.example.com/';

function pageOf(body: string, url = URL): Document {
  return new JSDOM(`<!DOCTYPE html><html><head><title>Sign in</title></head><body>${body}</body></html>`, { url }).window.document;
}

function detect(body: string, url = URL): ExpiryVerdict {
  return detectExpiry(pageOf(body, url), url);
}

const changeForm = `<form>
  <label for="cur">Current</label><input id="cur" type="password" autocomplete="current-password">
  <label for="new">New</label><input id="new" type="password" autocomplete="new-password">
  <label for="again">Again</label><input id="again" type="password" autocomplete="new-password">
</form>`;

describe('detectExpiry: phrases in each language', () => {
  const expired: Array<[string, string]> = [
    ['en', 'Your password has expired.'],
    ['en', 'You must change your password before you continue.'],
    ['en', 'The password for jane@example.com has expired.'],
    ['de', 'Ihr Kennwort ist abgelaufen.'],
    ['de', 'Sie müssen Ihr Passwort ändern, um fortzufahren.'],
    ['fr', 'Votre mot de passe a expiré.'],
    ['fr', 'Vous devez changer votre mot de passe.'],
    ['es', 'Su contraseña ha caducado.'],
    ['es', 'Tu contraseña ha expirado.'],
    ['nl', 'Uw wachtwoord is verlopen.'],
    ['it', 'La password è scaduta.'],
    ['pt', 'A sua palavra-passe expirou.'],
    ['pt', 'Sua senha expirou.'],
    ['pl', 'Twoje hasło wygasło.'],
    ['ja', 'パスワードの有効期限が切れています。'],
  ];
  it.each(expired)('%s: "%s" is expired', (_lang, sentence) => {
    expect(detect(`<div role="alert">${sentence}</div>`).kind).toBe('expired');
  });

  const expiring: Array<[string, string, number | undefined]> = [
    ['en', 'Your password will expire in 7 days.', 7],
    ['de', 'Ihr Passwort läuft in 5 Tagen ab.', 5],
    ['fr', 'Votre mot de passe expire dans 3 jours.', 3],
    ['es', 'Su contraseña caducará en 2 días.', 2],
    ['nl', 'Uw wachtwoord verloopt over 4 dagen.', 4],
    ['it', 'La password scadrà tra 3 giorni.', 3],
    ['pt', 'A sua palavra-passe expira em 5 dias.', 5],
    ['pl', 'Twoje hasło wygaśnie za 3 dni.', 3],
    ['ja', 'パスワードの有効期限はあと3日です。', 3],
    ['en', 'Your password is about to expire.', undefined],
  ];
  it.each(expiring)('%s: "%s" is expiring with daysLeft %s', (_lang, sentence, daysLeft) => {
    const verdict = detect(`<div role="alert">${sentence}</div>`);
    expect(verdict.kind).toBe('expiring');
    expect(verdict.daysLeft).toBe(daysLeft);
  });

  it('explains itself with the phrase, language and form evidence', () => {
    const verdict = detect(`<h1>Password expired</h1><p>Your password has expired.</p>${changeForm}`);
    expect(verdict.reason).toMatch(/^phrase:en:expired\(/);
    expect(verdict.reason).toContain('form:new-password');
  });
});

describe('detectExpiry: days left', () => {
  const cases: Array<[string, number | undefined]> = [
    ['Your password will expire in one day.', 1],
    ['Your password will expire in two days.', 2],
    ['Your password expires tomorrow.', 1],
    ['Your password expires today.', 0],
    ['Your password will expire within 3 days.', 3],
    ['Your password will expire in 36 hours.', 1],
    // Minutes are today, not a count of days the message's template would read ("… in 5 days").
    ['Your password will expire in 5 minutes.', 0],
    ['Your password will expire in 2 weeks.', 14],
    ['Your password will expire on 14 March 2026.', undefined],
    ['Ihr Kennwort läuft in einem Tag ab.', 1],
    ['Ihr Kennwort läuft am 14.03.2026 ab.', undefined],
    ['Votre mot de passe expirera dans deux jours.', 2],
    ['Su contraseña caduca mañana.', 1],
    ['Je wachtwoord verloopt vandaag.', 0],
    ['La tua password scade domani.', 1],
    ['Sua senha expira amanhã.', 1],
    ['Twoje hasło wygaśnie jutro.', 1],
    ['パスワードの有効期限が明日切れます。', 1],
    ['パスワードの有効期限はあと３日です。', 3],
  ];
  it.each(cases)('"%s" → %s', (sentence, daysLeft) => {
    const verdict = detect(`<div class="alert">${sentence}</div>`);
    expect(verdict.kind).toBe('expiring');
    expect(verdict.daysLeft).toBe(daysLeft);
  });

  it('treats an expiry months away as information, not a warning', () => {
    expect(detect('<p>Your password expires in 83 days.</p>').kind).toBe('none');
  });
});

describe('detectExpiry: what is not an expiry prompt', () => {
  const negatives: Array<[string, string]> = [
    ['an expired session', '<div role="alert">Your session has expired. Please enter your password again.</div>'],
    ['an expired reset link', '<div role="alert">This password reset link has expired.</div>'],
    ['a reset link, in French', '<div role="alert">Le lien de réinitialisation de votre mot de passe a expiré.</div>'],
    ['an expired card', '<div role="alert">Your card has expired.</div>'],
    ['a trial', '<div role="alert">Your trial expires in 5 days.</div>'],
    ['a hypothetical', '<p>If your password has expired, contact the service desk.</p>'],
    ['a quotation', '<p>You will then see the message “Your password has expired” on screen.</p>'],
    ['a question', '<p>Password expired?</p>'],
    ['a link', '<a href="/change">Password expired? Change it here</a>'],
    ['a policy', `<p>You must change your password every 90 days.</p>${changeForm}`],
    ['a reminder policy', '<p>You are reminded 14 days before your password expires.</p>'],
    ['stored passwords', '<div role="status">3 passwords expire soon.</div>'],
    ['a guest Wi-Fi password', '<div class="callout">The guest Wi-Fi password expires tonight at 23:59.</div>'],
    ['a voluntary change page', `<h1>Change your password</h1>${changeForm}`],
    ['a sign-up page', '<h1>Create a password</h1><input type="password" autocomplete="new-password">'],
  ];
  it.each(negatives)('ignores %s', (_what, body) => {
    expect(detect(body).kind).toBe('none');
  });

  it('treats an article about expiry as help, not a prompt', () => {
    const paragraph = '<p>Company passwords are rotated on a schedule that the security team reviews every year with the auditors.</p>';
    const body = `<article><h1>Password expiry</h1><p>Your password has expired when Windows says so at sign-in.</p>${paragraph.repeat(3)}</article>`;
    expect(detect(body, 'https://support.example.com/kb/password-expiry').kind).toBe('none');
  });

  it('treats expiry settings in an admin console as configuration', () => {
    const body = `<h1>Password policy</h1><label>Days before expiry <input type="number"></label>
      <div class="preview">Your password will expire in 14 days</div>`;
    expect(detect(body, 'https://admin.example.com/security/policy').kind).toBe('none');
  });
});

describe('detectExpiry: only visible text counts', () => {
  const hidden: Array<[string, string]> = [
    ['the hidden attribute', '<div hidden>Your password has expired.</div>'],
    ['aria-hidden', '<div aria-hidden="true">Your password has expired.</div>'],
    ['inline display:none', '<div style="color: red; display:none">Your password has expired.</div>'],
    ['inline visibility:hidden', '<div style="visibility: hidden">Your password has expired.</div>'],
    ['a hidden class', '<div class="alert hidden">Your password has expired.</div>'],
    ['a template', '<template><div>Your password has expired.</div></template>'],
    ['noscript', '<noscript>Your password has expired.</noscript>'],
    ['a closed details element', '<details><summary>Notice</summary>Your password has expired.</details>'],
    ['a closed dialog', '<dialog>Your password has expired.</dialog>'],
  ];
  it.each(hidden)('skips text hidden by %s', (_how, body) => {
    expect(detect(body).kind).toBe('none');
  });

  it('reads the same text when it is visible', () => {
    expect(detect('<div>Your password has expired.</div>').kind).toBe('expired');
    expect(detect('<details open><summary>Notice</summary><p>Your password has expired.</p></details>').kind).toBe('expired');
  });

  it('ignores text inside scripts and styles, even scripts that would write it', () => {
    const body = `<script>document.write('<p>Your password has expired.</p>')</script>
      <script type="application/json">{"message":"Your password will expire in 3 days"}</script>
      <style>.x::after { content: "Your password has expired" }</style>
      <form><input type="password" name="password"></form>`;
    expect(detect(body).kind).toBe('none');
  });
});

describe('detectExpiry: safety', () => {
  it('never reads the value of any input, select or textarea', () => {
    const dom = new JSDOM(
      `<!DOCTYPE html><body><div role="alert">Your password has expired.</div>${changeForm}
       <input type="text" name="user"><textarea name="note"></textarea><select name="lang"><option>en</option></select></body>`,
      { url: URL },
    );
    const reads: string[] = [];
    for (const name of ['HTMLInputElement', 'HTMLTextAreaElement', 'HTMLSelectElement'] as const) {
      Object.defineProperty(dom.window[name].prototype, 'value', {
        configurable: true,
        get() {
          reads.push(name);
          throw new Error('value must not be read');
        },
        set() {},
      });
    }
    const verdict = detectExpiry(dom.window.document, URL);
    expect(reads).toEqual([]);
    expect(verdict.kind).toBe('expired');
    expect(verdict.reason).toContain('form:new-password');
  });

  it('returns none with an error reason instead of throwing', () => {
    const explode = () => {
      throw new Error('boom');
    };
    const broken = {
      get documentElement() {
        return explode();
      },
      get body() {
        return explode();
      },
    } as unknown as Document;
    const verdict = detectExpiry(broken, URL);
    expect(verdict.kind).toBe('none');
    expect(verdict.reason).toMatch(/^error: /);
  });

  it('looks only at the first 20 000 characters of a 5 MB page, quickly', () => {
    const doc = pageOf('');
    const filler = doc.createElement('p');
    filler.textContent = 'lorem ipsum dolor sit amet '.repeat(200_000);
    doc.body.append(filler);
    const late = doc.createElement('div');
    late.setAttribute('role', 'alert');
    late.textContent = 'Your password has expired.';
    doc.body.append(late);

    const started = performance.now();
    const verdict = detectExpiry(doc, URL);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(verdict).toMatchObject({ kind: 'none', reason: 'no expiry phrase (page truncated)' });
  });

  it('walks 20 000 nested elements without recursion', () => {
    // jsdom attaches subtrees recursively and overflows the stack building such a tree; happy-dom can hold it.
    const doc = new Window({ url: URL }).document as unknown as Document;
    let deepest: Element = doc.body;
    for (let depth = 0; depth < 20_000; depth++) {
      const child = doc.createElement(depth % 2 ? 'div' : 'section');
      deepest.appendChild(child);
      deepest = child;
    }
    deepest.textContent = 'Your password has expired.';

    const started = performance.now();
    const verdict = detectExpiry(doc, URL);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(verdict.kind).toBe('expired');
  });

  it('stops after a bounded number of nodes on pages with hundreds of thousands of elements', () => {
    const doc = pageOf('');
    const list = doc.createElement('ul');
    for (let i = 0; i < 100_000; i++) list.append(doc.createElement('li'));
    doc.body.append(list);
    const late = doc.createElement('div');
    late.textContent = 'Your password has expired.';
    doc.body.append(late);

    const started = performance.now();
    const verdict = detectExpiry(doc, URL);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(verdict.reason).toBe('no expiry phrase (page truncated)');
    // Building 100 000 elements takes seconds on a loaded machine; the bound that matters is the one above.
  }, 30_000);
});

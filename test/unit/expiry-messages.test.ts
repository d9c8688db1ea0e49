import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readMinedStrings, withoutContradictedNegatives } from '@/scripts/build-expiry-phrases';
import { detectExpiry } from '@/utils/expiry';
import { matchTemplates } from '@/utils/expiry/templates';

const detect = (body: string, url = 'https://sso.corp.example/signin') =>
  detectExpiry(new JSDOM(`<body>${body}</body>`, { url }).window.document, url);

/** The products' own messages (phrase-data.ts) recognise expiry in languages the hand-written phrases never knew. */
describe('detectExpiry: product messages in 30+ languages', () => {
  it.each([
    ['sv', '<h2>Ditt lösenord har gått ut</h2>', 'expired'],
    ['ru', '<h2>Срок действия вашего пароля истёк</h2>', 'expired'],
    ['ko', '<div role="alert">비밀번호가 만료되었습니다</div>', 'expired'],
    ['tr', '<div role="alert">Şifrenizin süresi bitti</div>', 'expired'],
  ])('%s: an expired password', (_lang, body, kind) => {
    const verdict = detect(body);
    // The wording may differ slightly from a product's; what matters is that some language's message is recognised.
    expect([verdict.kind, verdict.reason]).toEqual([kind, expect.stringMatching(/message:/)]);
  });

  it('treats grace logins as a warning without a day count', () => {
    expect(detect('<div role="alert">You have 2 grace logins remaining. Please change your password.</div>')).toEqual({
      kind: 'expiring',
      reason: expect.any(String),
    });
    expect(detect('<div role="alert">3 authentications remaining, change your password!</div>').kind).toBe('expiring');
    expect(detect('<p>3 sign-ins left on your trial.</p>').kind).toBe('none');
  });

  it('reads the day count where the message puts it, in Swedish', () => {
    expect(detect('<h2>Ditt lösenord kommer att gå ut om 4 dagar.</h2>')).toMatchObject({ kind: 'expiring', daysLeft: 4 });
  });

  it.each([
    ['an expired session (sv)', '<div role="alert">Din session har gått ut. Logga in igen.</div>'],
    [
      'an MFA enrolment grace period (en)',
      '<p>Your company recommends setting up additional factors for authentication. Set up will be required in: <b>5 day(s)</b>.</p>',
    ],
    ['an expired activation link (da)', '<h2>Aktiveringslinket er udløbet</h2>'],
    ['a disabled account (de)', '<div role="alert">Konto ist deaktiviert, kontaktieren Sie den Administrator.</div>'],
    ['a question', '<p>Glömt lösenordet?</p>'],
  ])('stays silent on %s', (_what, body) => {
    expect(detect(body).kind).toBe('none');
  });

  it('takes the role of the closest message: a session message is closer than any password message', () => {
    expect(matchTemplates('Your session has expired. Please try to sign in again.').every((match) => match.role === 'other')).toBe(true);
  });
});

describe('detectExpiry: a hard negative translated word for word as an expired password', () => {
  // shadow-utils' Georgian "Your login has expired." (a hard negative) reads "Your password has expired" word for word,
  // the text of its own "Your password has expired." row: with both rows the Georgian message read as nothing.
  it.each([
    ['ka', 'თქვენს პაროლს ვადა გაუვიდა.'],
    ['da', 'Din adgangskode er udløbet.'],
    ['nl', 'Uw wachtwoord is verlopen'],
    ['zh-CN', '您的密码已失效'],
  ])('%s: "%s" on a sign-in form is an expired password', (_lang, text) => {
    expect(detect(`<div role="alert">${text}</div>`).kind).toBe('expired');
    const signIn = `<form><div class="error">${text}</div><input type="password" name="password"><button>Sign in</button></form>`;
    expect(detect(signIn).kind).toBe('expired');
  });

  it('drops the negative twin and keeps negatives worded otherwise', () => {
    const rows = [
      { lang: 'ka', role: 'expired', text: 'თქვენს პაროლს ვადა გაუვიდა.' },
      { lang: 'ka', role: 'other', text: 'თქვენს პაროლს ვადა გაუვიდა' },
      { lang: 'ka', role: 'other', text: 'სესიას ვადა გასდის' },
      { lang: 'da', role: 'other', text: 'თქვენს პაროლს ვადა გაუვიდა' },
    ] as const;
    expect(withoutContradictedNegatives(rows)).toEqual([rows[0], rows[2], rows[3]]);
  });
});

describe('detectExpiry: Auth0 Lock refusing a sign-in until the password is updated', () => {
  // Lock's own message in each language it ships (bench/expiry-corpus/real/strings.json, from npm auth0-lock), shown as
  // Lock shows it: an error above the sign-in form it keeps, with no change form on the page.
  const lock = readMinedStrings().filter((entry) => entry.product === 'auth0-lock');

  it('ships the message in 40+ languages', () => {
    expect(new Set(lock.map((entry) => entry.lang)).size).toBeGreaterThanOrEqual(40);
  });

  it.each(lock.map((entry) => [entry.lang, entry.text]))('%s: reads "%s" as an expired password', (lang, text) => {
    const url = 'https://login.corp.example/login?state=hKFo2SB';
    const page = `<html lang="${lang}"><body><div class="auth0-lock-widget"><div class="auth0-lock-name">Contoso</div>
      <div class="auth0-global-message auth0-global-message-error" role="alert"><span>${text}</span></div>
      <form><input type="email" name="email"><input type="password" name="password"><button type="submit">Log In</button></form>
      </div></body></html>`;
    expect(detectExpiry(new JSDOM(page, { url }).window.document, url).kind).toBe('expired');
  });
});

describe('detectExpiry: JumpServer stopping a sign-in and warning with a date', () => {
  // JumpServer's own messages (bench/expiry-corpus/real/strings.json, from its django.po catalogues), on pages shaped as
  // its sign-in error page and its signed-in banner (apps/templates/_message.html) show them.
  const jumpserver = readMinedStrings().filter((entry) => entry.product === 'jumpserver');
  const text = (lang: string, key: string) => jumpserver.find((entry) => entry.lang === lang && entry.key === key)?.text;
  const langs = [...new Set(jumpserver.map((entry) => entry.lang))];
  const now = Date.UTC(2026, 11, 4, 9);
  const url = 'https://jumpserver.corp.example/ui/';
  const banner = (message: string) =>
    `<div class="alert alert-danger help-message alert-dismissable">${message} <button aria-hidden="true" class="close">×</button></div>`;
  const read = (body: string) => detectExpiry(new JSDOM(`<body>${body}</body>`, { url }).window.document, url, now);

  it.each(langs.filter((lang) => text(lang, 'password_will_expire_at')))(
    '%s: the date in "will expire on {date}" gives the days',
    (lang) => {
      const message = text(lang, 'password_will_expire_at')!.replace('%s', '2026-12-10 10:00:00');
      expect(read(banner(message))).toMatchObject({ kind: 'expiring', daysLeft: 6 });
      // The account's twin is about the account.
      expect(read(banner(text(lang, 'account_will_expire_at')!.replace('%s', '2026-12-10 10:00:00'))).kind).toBe('none');
    },
  );

  it.each(langs)('%s: the sign-in error pages are an expired password', (lang) => {
    for (const key of ['expired_reset_before_login', 'change_before_login'])
      expect([key, read(`<h2 class="error">${text(lang, key)}</h2><a href="/core/auth/password/reset/">Reset</a>`).kind]).toEqual([
        key,
        'expired',
      ]);
  });

  it('takes signing in, which Spanish and Portuguese say with "session", for no session that expires', () => {
    expect(read('<h2>Antes de completar el inicio de sesión, por favor, modifique su contraseña.</h2>').kind).toBe('expired');
    expect(read('<h2>Antes de iniciar sessão, altere a sua palavra-passe expirada.</h2>').kind).toBe('expired');
    // A session that expired is still another subject.
    expect(read('<div role="alert">Su sesión ha expirado. Introduzca su contraseña.</div>').kind).toBe('none');
    expect(read('<div role="alert">A sua sessão expirou. Introduza a palavra-passe.</div>').kind).toBe('none');
  });

  it('reads a Chinese date written with 年月日 as the date, not a count of 10 days, and the instruction after it as no message', () => {
    expect(read(banner('您的密码将于 2026年12月10日 10:00 过期。 请点击 链接 更新密码。'))).toMatchObject({
      kind: 'expiring',
      daysLeft: 6,
    });
    expect(read(banner('请点击 链接 更新密码。')).kind).toBe('none');
  });
});

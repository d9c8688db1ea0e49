import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { phraseEntries, readMinedStrings } from '@/scripts/build-expiry-phrases';
import { detectExpiry } from '@/utils/expiry';
import { PHRASE_DATA } from '@/utils/expiry/phrase-data';
import { languageWords, matchTemplates, withPhraseRows } from '@/utils/expiry/templates';

/**
 * Rules that reach past the exact wording of the mined messages (Linux PAM, shadow-utils, SSSD, Okta, Keycloak):
 * what a language says for "today", "tomorrow" and "day(s)" is read off the catalogues, and a sentence may carry a
 * message inside more words. Each rule was chosen with Okta's pages scored against data built without Okta.
 */

const detect = (body: string, url = 'https://sso.corp.example/signin') =>
  detectExpiry(new JSDOM(`<body>${body}</body>`, { url }).window.document, url);
const alert = (text: string) => detect(`<div role="alert">${text}</div>`);
/** Each text, alone on a page, prompts nothing (the text is part of the compared value, so a failure names it). */
const staysSilent = (texts: readonly string[], read: (text: string) => { kind: string } = alert) => {
  for (const text of texts) expect([text, read(text).kind]).toEqual([text, 'none']);
};

describe('expiry language rules read off the mined catalogues', () => {
  it('knows each language’s "today", "tomorrow" and day words, every plural form included', () => {
    expect(languageWords('ru')).toEqual({
      today: ['сегодня'],
      tomorrow: ['завтра'],
      days: expect.arrayContaining(['день', 'дня', 'днеи']),
      logins: expect.arrayContaining(['вход']),
    });
    expect(languageWords('uk').days).toEqual(expect.arrayContaining(['день', 'дні', 'днів']));
    // Samba translates "day"/"days" on their own: Hungarian "nap (múlva)", Chinese "天".
    expect(languageWords('hu').days).toContain('nap');
    expect(languageWords('zh-CN').days).toContain('天');
    expect(languageWords('fr')).toMatchObject({ today: ['aujourd hui'], tomorrow: ['demain'] });
    // Romanian says "today" two ways (shadow's "azi", Nextcloud's "astăzi").
    expect(languageWords('ro')).toMatchObject({
      today: expect.arrayContaining(['azi', 'astazi']),
      tomorrow: expect.arrayContaining(['maine']),
      days: expect.arrayContaining(['zi', 'zile']),
    });
    // A verb standing right after a count ("将于 # 过期") is not taken for a unit.
    expect(languageWords('zh-CN').days).not.toContain('过期');
  });

  it('knows each language’s word for the sign-ins left from its grace-login warnings (CAS, SOGo, SSSD, LemonLDAP::NG)', () => {
    expect(languageWords('en').logins).toEqual(expect.arrayContaining(['login']));
    expect(languageWords('fr').logins).toEqual(expect.arrayContaining(['authentification', 'connexions']));
    expect(languageWords('ro').logins).toContain('autentificari');
    // Never a day word, and never the password's own name.
    expect(languageWords('fr').logins).not.toContain('jours');
    expect(languageWords('fr').logins).not.toContain('mot');
  });

  it('reads a count of sign-ins left as a warning without a day count, in words no product has', () => {
    // LemonLDAP::NG's English "# authentications remaining, change your password!" said in other languages' words.
    expect(alert('2 authentifications restantes, changez votre mot de passe !')).toEqual({ kind: 'expiring', reason: expect.any(String) });
    expect(alert('Mai aveți 2 autentificări înainte ca parola să expire.')).toEqual({ kind: 'expiring', reason: expect.any(String) });
    expect(alert('У вас осталось 2 входа, смените пароль.')).toEqual({ kind: 'expiring', reason: expect.any(String) });
    // A count of sign-ins is no count of days, even in a sentence worded like a day-count warning.
    expect(alert("Il vous reste 3 connexions avant l'expiration de votre mot de passe.")).toEqual({
      kind: 'expiring',
      reason: expect.any(String),
    });
    // A failed sign-in with the attempts left before a lock-out is no grace login.
    expect(alert('Неверный пароль. Осталось 2 попытки.').kind).toBe('none');
    expect(alert('Invalid password. You have 2 login attempts remaining.').kind).toBe('none');
    expect(alert('Wrong password, 2 logins left before your account is locked.').kind).toBe('none');
    expect(alert('2 authentications remaining, change your password!').kind).toBe('expiring');
  });

  it('reads a countdown worded with the noun for expiry and time units beside the days', () => {
    // LemonLDAP::NG's English countdown ("%d days, %d hours, %d minutes and %d seconds before password expiration,
    // change it!") in French words: "minutes" is a hard-negative word of French ("réessayez dans 5 minutes"), but
    // as the unit of a count it measures time.
    expect(alert("10 jours, 5 heures, 42 minutes et 17 secondes avant l'expiration de votre mot de passe, changez-le !")).toMatchObject({
      kind: 'expiring',
      daysLeft: 10,
    });
    expect(alert('Votre lien expirera dans 30 minutes, mot de passe').kind).toBe('none');
    expect(alert('Votre session expire dans 5 minutes. Saisissez votre mot de passe.').kind).toBe('none');
  });

  it('stays silent on a voluntary change page: a password that may be changed, now or in some days', () => {
    // Each is one word from a product's demand or warning ("You must change…", "…will expire in # days") and was read
    // as one: the demand word swapped for a hard-negative one ("can", "pouvez", "kan"), or a count of days with no
    // expiry word — its own "через", "Tagen" are the count's words, not expiry.
    staysSilent([
      'You can change your password.',
      'Vous pouvez changer votre mot de passe.',
      'Du kan ändra ditt lösenord.',
      'You can change your password again in 3 days.',
      'Sie können Ihr Passwort in 3 Tagen wieder ändern.',
      'Пароль можно будет сменить через 3 дня.',
    ]);
    // The demands and warnings themselves are still read, Turkish "süresi" (its term) beside the count included.
    expect(alert('You must change your password.').kind).toBe('expired');
    expect(alert('Vous devez changer votre mot de passe.').kind).toBe('expired');
    expect(alert('Срок действия пароля истекает через 3 дня')).toMatchObject({ kind: 'expiring', daysLeft: 3 });
    expect(alert('Şifrenizin süresi 4 günde bitecek')).toMatchObject({ kind: 'expiring', daysLeft: 4 });
  });

  it('reads a sentence that states a count of days where the closest message, a label, has none', () => {
    // A written probe of a wording no product has: "5 days remain until the password expires" is 0.80 from an admin
    // label ("Days until the user's password expires"), which states no count; the concept words read it.
    expect(alert('До истечения срока действия пароля осталось 5 дней.')).toMatchObject({ kind: 'expiring', daysLeft: 5 });
    // Settings that name a count of days before expiry stay silent, in the label's language and others.
    staysSilent([
      'Дней до истечения срока действия пароля пользователя: 10',
      'Количество дней до истечения срока действия пароля: 10',
      'Уведомлять пользователя за 10 дней до истечения срока действия пароля.',
      'Notify users 10 days before their password expires.',
      'Benutzer 10 Tage vor Ablauf des Passworts benachrichtigen.',
    ]);
  });

  it('takes one expiry word beside a written date in a script without spaces; a past date is no expiry', () => {
    const on4December = new Date(2026, 11, 4, 9, 30).getTime();
    const at = (text: string) => {
      const url = 'https://sso.corp.example/signin';
      const doc = new JSDOM(`<body><div role="alert">${text}</div></body>`, { url }).window.document;
      return detectExpiry(doc, url, on4December);
    };
    // "The password's expiry date is 24 December 2026": one expiry pair (期限), which needs a second pair or a date.
    expect(at('パスワードの有効期限は2026年12月24日です。')).toMatchObject({ kind: 'expiring', daysLeft: 20 });
    // A date gone by beside a count still ahead is the day of the last change, not an expiry: a warning, and its
    // count is read once the date's numbers are set aside.
    for (const text of [
      'Your password was last changed on 11/24/2026 and will expire in 5 days.',
      'Ihr Passwort wurde am 24.11.2026 geändert und läuft in 5 Tagen ab.',
      'Ваш пароль был изменён 24.11.2026 и истекает через 5 дней.',
      '您的密码于2026年11月24日更改，将在 5 天后过期。',
    ]) {
      const { kind, daysLeft } = at(text);
      expect([text, kind, daysLeft]).toEqual([text, 'expiring', 5]);
    }
    // A reset link's or an account's expiry date, or the day of the last change, is none.
    staysSilent(
      [
        'パスワードリセットリンクの有効期限は2026年12月24日です。',
        'アカウントの有効期限は2026年12月24日です。',
        'パスワードの最終変更日は2026年11月24日です。',
      ],
      at,
    );
  });

  it('in an unspaced script takes an expiry pair right after the password or a count of days for a word', () => {
    // "Your password expires in 5 more days": one expiry pair (过期), which needs a second one unless it starts a word.
    expect(alert('您的密码还有 5 天过期')).toMatchObject({ kind: 'expiring', daysLeft: 5 });
    staysSilent(['您的账户还有 5 天过期', '您的会话还有 5 分钟过期', '您的试用还有 5 天过期', '如果密码过期，请联系管理员']);
  });

  it('reads Chinese in either script with the words both write alike ("到期", falls due)', () => {
    // "到期" is in few simplified rows (under the share that makes an expiry word) and in the traditional ones.
    expect(alert('您的密码已到期，请修改。').kind).toBe('expired');
    expect(alert('密码还有 3 天到期')).toMatchObject({ kind: 'expiring', daysLeft: 3 });
    staysSilent(['您的账户已到期，请输入密码', '证书将于 3 天后到期，请输入密码。', '密码重置链接已到期', '密码到期前 5 天提醒']);
  });

  it('in Chinese takes an expiry pair that ends a clause for a word', () => {
    // "The password has expired, please change it" / "… expires tomorrow": one expiry pair (过期), at the clause's end.
    expect(alert('密码已经过期，请修改密码。').kind).toBe('expired');
    expect(alert('密碼已經過期，請修改密碼。').kind).toBe('expired');
    expect(alert('密码将于明天过期。')).toMatchObject({ kind: 'expiring', daysLeft: 1 });
    // Nor does a clause that names something else ("your trial / certificate / verification code has expired").
    staysSilent([
      '密码重置链接已过期。',
      '密码永不过期。',
      '您的会话已过期，请重新输入密码。',
      '验证码已过期，请重新获取。',
      '您的试用已过期，请输入密码',
      '您的证书已过期，请输入密码。',
      '您的验证码已过期，请输入密码。',
    ]);
  });

  it('takes every plural form of a day count from the catalogues (ru: день / дня / дней)', () => {
    expect(PHRASE_DATA.filter(([lang, role]) => lang === 'ru' && role === 'expiring-days').length).toBeGreaterThanOrEqual(3);
    expect(alert('Срок действия пароля истекает через 2 дня.')).toMatchObject({ kind: 'expiring', daysLeft: 2 });
    expect(alert('Срок действия пароля истекает через 21 день.')).toMatchObject({ kind: 'expiring', daysLeft: 21 });
    expect(alert('Срок действия вашего пароля истекает через 5 дней и 3 часа.')).toMatchObject({ kind: 'expiring', daysLeft: 5 });
  });

  it('reads "tomorrow" in a sentence worded like another message ("goes out soon" → tomorrow, 1 day)', () => {
    const [match] = matchTemplates('Ditt lösenord går ut imorgon.');
    expect(match).toMatchObject({ lang: 'sv', daysLeft: 1 });
    expect(match!.role).toMatch(/^expiring/);
    expect(alert('Parola dumneavoastră va expira mâine.')).toMatchObject({ kind: 'expiring', daysLeft: 1 });
  });

  it('takes a sentence that opens with a whole message and goes on for that message', () => {
    const more = 'обратитесь к администратору вашей организации по телефону';
    expect(alert(`Срок действия вашего пароля истёк, ${more}.`)).toMatchObject({ kind: 'expired' });
    // Not when the message stands later in a long sentence, where "if" or a negation may come first.
    expect(alert(`Если срок действия вашего пароля истёк, ${more}.`)).toMatchObject({ kind: 'none' });
  });

  it('takes a sentence that opens with a message less its possessive, never less a negation or its verb', () => {
    // "Twoje hasło wygasło" / "Ditt lösenord har gått ut" without "Twoje" / "Ditt", then more words.
    expect(alert('Hasło wygasło, skontaktuj się z działem IT.')).toMatchObject({ kind: 'expired' });
    expect(alert('Lösenordet har gått ut, kontakta IT-avdelningen.')).toMatchObject({ kind: 'expired' });
    // "Hasło nie wygasło" less "nie" would read "expired"; "Votre mot de passe a (expiré)" less its verb is anything.
    expect(alert('Hasło nie wygasło, skontaktuj się z działem IT.')).toMatchObject({ kind: 'none' });
    expect(alert('Votre mot de passe a été modifié il y a 3 jours.')).toMatchObject({ kind: 'none' });
  });

  it('takes a sentence that stands word for word inside a longer message for that message, over a mere resemblance', () => {
    const rows = [
      ['cs', 'password-noun', 'Heslo'],
      ['cs', 'expired', 'Vaše heslo vypršelo'],
      ['cs', 'expiring-soon', 'Upozornění! Vaše heslo brzy vyprší, změňte ho před $expirationdatetime.'],
    ] as const;
    // "vyprší" (will expire) and "vypršelo" (expired) share a stem: word overlap alone reads the warning as expired.
    expect(withPhraseRows(rows, () => matchTemplates('Vaše heslo brzy vyprší'))).toEqual([
      expect.objectContaining({ lang: 'cs', role: 'expiring-soon' }),
    ]);
    // Three words are too few to be sure of a clause ("Vaše heslo brzy" says nothing).
    expect(withPhraseRows(rows, () => matchTemplates('Vaše heslo brzy'))).toEqual([]);
  });

  it('reads the password’s inflected names off the positive messages, where inflection runs longer than a stem', () => {
    // An agglutinating language stacks a possessive and a case on the noun: "şifre" + "niz" + "in". A word of a
    // positive message that opens with a one-word name is that name; one only an "other" message has is not.
    const rows = (role: 'expired' | 'other') =>
      [
        ['tr', 'password-noun', 'Şifre'],
        ['tr', 'password-noun', 'Parola'],
        ['tr', role, 'Şifrenizin son kullanma tarihi doldu'],
        ['tr', 'expired', 'Parolanızın süresi doldu'],
      ] as const;
    expect(withPhraseRows(rows('expired'), () => matchTemplates('Şifrenizin süresi doldu'))).toEqual([
      expect.objectContaining({ lang: 'tr', role: 'expired', similarity: 1 }),
    ]);
    expect(withPhraseRows(rows('other'), () => matchTemplates('Şifrenizin süresi doldu'))).toEqual([]);
  });

  it('takes a field label for a label, even where the same words stand inside an expired-password message', () => {
    const rows = [
      ['ja', 'password-noun', 'パスワード'],
      ['ja', 'new-password', '新しいパスワード'],
      ['ja', 'expired', 'すぐに新しいパスワードに変更してください (パスワードの期限切れ)'],
    ] as const;
    expect(withPhraseRows(rows, () => matchTemplates('新しいパスワード'))).toEqual([]);
    expect(withPhraseRows(rows, () => matchTemplates('すぐに新しいパスワードに変更してください'))).toEqual([
      expect.objectContaining({ lang: 'ja', role: 'expired' }),
    ]);
  });

  it('tells a two-word message by its ending: "Password expired." is not the heading "Password Expiring"', () => {
    const rows = [
      ['en', 'password-noun', 'Password'],
      ['en', 'expired', 'Password expired.'],
    ] as const;
    expect(withPhraseRows(rows, () => matchTemplates('Password Expiring'))).toEqual([]);
    expect(withPhraseRows(rows, () => matchTemplates('Password expired'))).toEqual([expect.objectContaining({ role: 'expired' })]);
    expect(alert('Password Expiring. Your password will expire in 3 days.')).toMatchObject({ kind: 'expiring', daysLeft: 3 });
  });

  it('below 0.8 closeness wants a real shared word, not the password and short words (Greek reset title)', () => {
    // Without Okta's own "reset your password" message to compete, only that rule keeps the reset title silent.
    const withoutOkta = phraseEntries(readMinedStrings(), new Set(['okta'])).map((e) => [e.lang, e.role, e.text] as const);
    expect(withPhraseRows(withoutOkta, () => matchTemplates('Επαναφέρετε το συνθηματικό σας'))).toEqual([]);
    expect(withPhraseRows(withoutOkta, () => matchTemplates('Το συνθηματικό σας έληξε'))).toEqual([
      expect.objectContaining({ lang: 'el', role: 'expired' }),
    ]);
  });

  it("takes Nextcloud's %n, and the lone %1$s of a day-count warning (ownCloud), for the count", () => {
    const rows = [
      ['da', 'password-noun', 'adgangskode'],
      ['da', 'expiring-days', 'Din adgangskode udløber inden for %n dage.'],
      ['sv', 'password-noun', 'lösenord'],
      ['sv', 'expiring-days', 'Du har %1$s dagar på dig att ändra ditt lösenord'],
    ] as const;
    expect(withPhraseRows(rows, () => [languageWords('da').days, languageWords('sv').days])).toEqual([['dage'], ['dagar']]);
    expect(withPhraseRows(rows, () => matchTemplates('Din adgangskode udløber inden for 3 dage.'))).toEqual([
      expect.objectContaining({ role: 'expiring-days', daysLeft: 3 }),
    ]);
  });

  it("reads past the organisation's name before the password, and only there (German nouns elsewhere stay)", () => {
    const rows = [
      ['hu', 'password-noun', 'Jelszó'],
      ['hu', 'expired', 'Az Ön jelszavának lejárt az érvényességi ideje'],
      ['de', 'password-noun', 'Passwort'],
      ['de', 'expired', 'Ihr Passwort ist abgelaufen'],
    ] as const;
    expect(withPhraseRows(rows, () => matchTemplates('Az ön Contoso jelszava lejárt'))).toEqual([
      expect.objectContaining({ lang: 'hu', role: 'expired' }),
    ]);
    expect(withPhraseRows(rows, () => matchTemplates('Ihr Zugangslink zum Zurücksetzen des Passworts ist abgelaufen.'))).toEqual([]);
  });

  it('takes a sentence that opens with a message less a later function word ("σας"), never less its verb', () => {
    const rows = [
      ['el', 'password-noun', 'Συνθηματικό'],
      ['el', 'expired', 'Το συνθηματικό σας έχει λήξει.'],
      ['el', 'other', 'Το συνθηματικό σας άλλαξε.'],
      ['el', 'expired', 'Το συνθηματικό σας έληξε.'],
    ] as const;
    expect(withPhraseRows(rows, () => matchTemplates('Το συνθηματικό έχει λήξει και πρέπει να αλλάξει.'))).toEqual([
      expect.objectContaining({ lang: 'el', role: 'expired' }),
    ]);
    expect(withPhraseRows(rows, () => matchTemplates('Το συνθηματικό σας έχει αλλάξει και ισχύει.'))).not.toContainEqual(
      expect.objectContaining({ role: 'expired' }),
    );
  });

  it('reads "dag(en)" as the day word, and a hypothetical "when the password has expired" does not outvote the count', () => {
    const withoutOkta = phraseEntries(readMinedStrings(), new Set(['okta'])).map((e) => [e.lang, e.role, e.text] as const);
    // Okta's Dutch warning page (tuning part), read with phrase data built without Okta.
    const file = new URL('../../bench/expiry-corpus/real/tuning/okta-expiring-in-days-nl.html', import.meta.url);
    const url = 'https://sso.corp.example/signin';
    const verdict = withPhraseRows(withoutOkta, () => detectExpiry(new JSDOM(readFileSync(file, 'utf8'), { url }).window.document, url));
    expect(verdict).toMatchObject({ kind: 'expiring', daysLeft: 4 });
  });

  it('takes the first clause of a longer message that names the password for that message, with its main word', () => {
    const rows = [
      ['fi', 'password-noun', 'Salasana'],
      ['fi', 'expiring-soon', 'Varoitus! Salasanasi vanhenee pian, vaihda se ennen $expirationdatetime.'],
      ['es', 'password-noun', 'Contraseña'],
      ['es', 'expired', 'Su contraseña ha expirado y debe renovarla. Por favor, introduzca una nueva contraseña para continuar.'],
      ['id', 'password-noun', 'Kata sandi'],
      ['id', 'expired', 'Kata Sandi anda kadaluarsa, silahkan masukan yang baru di bawah'],
    ] as const;
    expect(withPhraseRows(rows, () => matchTemplates('Salasanasi vanhenee pian'))).toEqual([
      expect.objectContaining({ lang: 'fi', role: 'expiring-soon' }),
    ]);
    // A later clause is the instruction, not the news; a clause without its verb ("Reset kata sandi Anda") is nothing.
    expect(withPhraseRows(rows, () => matchTemplates('Introduzca su contraseña para continuar.'))).toEqual([]);
    expect(withPhraseRows(rows, () => matchTemplates('Reset kata sandi Anda'))).toEqual([]);
  });

  it('takes "Ditt lösenord går snart ut" for a day-count warning less its count and the words either side', () => {
    const rows = [
      ['sv', 'password-noun', 'Lösenord'],
      ['sv', 'expiring-days', 'Ditt lösenord går ut om %d dagar.'],
    ] as const;
    const [match, ...others] = withPhraseRows(rows, () => matchTemplates('Ditt lösenord går snart ut'));
    expect(others).toEqual([]);
    expect(match).toMatchObject({ lang: 'sv', role: 'expiring-days' });
    expect(match!.daysLeft).toBeUndefined();
  });

  it('takes any of a language\'s words for the password for another ("kodeord" for "adgangskode")', () => {
    const rows = [
      ['da', 'password-noun', 'Adgangskode'],
      ['da', 'password-noun', 'Kodeord'],
      ['da', 'expired', 'Din adgangskode er udløbet'],
    ] as const;
    expect(withPhraseRows(rows, () => matchTemplates('Dit kodeord er udløbet'))).toEqual([
      expect.objectContaining({ lang: 'da', role: 'expired' }),
    ]);
    expect(withPhraseRows(rows, () => matchTemplates('Dit kodeord er ændret'))).toEqual([]);
  });

  it('reads function words over the messages that name the password, so a session notice stays silent', () => {
    // pt "a sua" stays a function word however many account/session messages a bundle adds.
    expect(alert('A sua sessão expirou. Introduza novamente a sua palavra-passe.')).toMatchObject({ kind: 'none' });
  });

  it('takes the unit of "expire in %{0} %{1}" (SOGo) from its own day word, not as a second count', () => {
    expect(languageWords('fr').days).toContain('jours');
    expect(alert('Votre mot de passe va expirer dans 5 jours.')).toMatchObject({ kind: 'expiring', daysLeft: 5 });
  });

  it('takes a short sentence made of a message’s words for that message, but not "your password" alone', () => {
    expect(alert('비밀번호가 만료되었습니다')).toMatchObject({ kind: 'expired' });
    expect(alert('Your password')).toMatchObject({ kind: 'none' });
  });

  it('finds the password named in a neighbouring language’s word (Malay beside Indonesian)', () => {
    expect(alert('Kata laluan anda akan tamat dalam 14 hari')).toMatchObject({ kind: 'expiring', daysLeft: 14 });
  });

  it('can be measured against other phrase rows (leave-one-product-out in the bench), and restores the shipped ones', () => {
    const swedish = 'Ditt lösenord har gått ut';
    expect(matchTemplates(swedish)).not.toEqual([]);
    const withoutSwedish = PHRASE_DATA.filter(([lang]) => lang !== 'sv');
    expect(withPhraseRows(withoutSwedish, () => matchTemplates(swedish).filter((match) => match.lang === 'sv'))).toEqual([]);
    expect(matchTemplates(swedish)[0]).toMatchObject({ lang: 'sv', role: 'expired' });
  });

  it.each([
    ['pt', 'Introduza novamente a sua palavra-passe.'],
    ['it', 'Reimposta la tua password'],
    ['de', 'Ihr Zugangslink zum Zurücksetzen des Passworts ist abgelaufen.'],
    ['en', 'Your password was changed successfully.'],
  ])('stays silent on a sentence that shares only short words or a clause with a message (%s)', (_lang, text) => {
    expect(alert(text).kind).toBe('none');
  });
});

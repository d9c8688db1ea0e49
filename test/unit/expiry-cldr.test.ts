import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectExpiry } from '@/utils/expiry';
import { asciiDigits, countsOnlyPast, daysStated } from '@/utils/expiry/cldr';
import { daysUntilDate } from '@/utils/expiry/dates';
import { PHRASE_DATA } from '@/utils/expiry/phrase-data';
import phraseSources from '@/utils/expiry/phrase-sources.json';
import { withPhraseRows } from '@/utils/expiry/templates';

/** 3 December 2026, mid-morning. */
const NOW = new Date(2026, 11, 3, 9, 30).getTime();

/** A sign-in page showing `text` as an alert above a change form, in `lang`. */
function signInPage(lang: string, text: string): Document {
  const html = `<html lang="${lang}"><body><main><div role="alert">${text}</div>
    <form><input type="password" autocomplete="new-password"></form></main></body></html>`;
  return new JSDOM(html, { url: 'https://sso.example.com/login' }).window.document;
}

const verdictOn = (lang: string, text: string) => detectExpiry(signInPage(lang, text), 'https://sso.example.com/login', NOW);

describe('day counts in the language’s own CLDR wording (Intl)', () => {
  it.each([
    ['1 день', 1],
    ['2 дня', 2],
    ['5 дней', 5],
    ['21 день', 21],
  ])('reads a Russian warning in each plural form: через %s', (count, days) => {
    expect(daysStated(`Срок действия вашего пароля истекает через ${count}.`, 'ru')).toBe(days);
  });

  it.each([
    ['th', 'รหัสผ่านของคุณจะหมดอายุใน 12 วัน', 12],
    ['ko', '비밀번호가 10일 후 만료됩니다', 10],
    ['tr', 'Şifrenizin süresi 4 günde bitecek', 4],
    ['zh-CN', '您的密码将在10天后过期', 10],
    ['ja', 'パスワードの有効期限は 14 日で切れます', 14],
    ['ru', 'Ваш пароль истекает через 2 недели', 14],
    ['en', 'Your password expires in 6 hours', 0],
    ['en', 'Your password expires in 30 hours', 1],
    ['de', 'Ihr Passwort läuft in 5 Minuten ab', 0],
    ['zh-CN', '密码将于 5 分钟后过期', 0],
    ['fa', 'رمز عبور شما ۱۲ روز دیگر منقضی می‌شود', 12],
    ['ar', 'ستنتهي صلاحية كلمة المرور خلال يومين', 2],
  ])('reads the count of a %s warning: “%s” → %i', (lang, sentence, days) => {
    expect(daysStated(sentence, lang)).toBe(days);
  });

  it.each([
    ['ko', '비밀번호가 오늘 만료됩니다', 0],
    ['ms', 'Kata laluan anda akan tamat pada hari ini', 0],
    ['th', 'รหัสผ่านของคุณจะหมดอายุภายในวันนี้', 0],
    ['fr', 'Votre mot de passe expire demain', 1],
    ['de', 'Ihr Passwort läuft übermorgen ab', 2],
  ])('reads “today” and “tomorrow” in %s: “%s” → %i', (lang, sentence, days) => {
    expect(daysStated(sentence, lang)).toBe(days);
  });

  it.each([
    ['en', 'Your password expired 3 days ago'],
    ['de', 'Ihr Passwort ist vor 3 Tagen abgelaufen'],
    ['fr', 'Votre mot de passe a expiré il y a 3 jours'],
    ['ru', 'Ваш пароль истёк 3 дня назад'],
    ['ja', 'パスワードは3日前に期限切れになりました'],
    ['th', 'รหัสผ่านหมดอายุ 12 วันที่ผ่านมา'],
  ])('takes a count in the past for time gone, not time left (%s: “%s”)', (lang, sentence) => {
    expect(daysStated(sentence, lang)).toBeUndefined();
    expect(countsOnlyPast(sentence, lang)).toBe(true);
  });

  it('takes the past only where its whole wording stands: Danish "for 3 dage siden" is past, "inden for 3 dage" ahead', () => {
    expect(daysStated('Din adgangskode udløber inden for 3 dage.', 'da')).toBe(3);
    expect(countsOnlyPast('Din adgangskode udløber inden for 3 dage.', 'da')).toBe(false);
    expect(countsOnlyPast('Din adgangskode udløb for 3 dage siden.', 'da')).toBe(true);
  });

  it.each([
    ['zh-TW', '您的密碼將於今日稍後過期', 0],
    ['zh-CN', '您的密码明日过期', 1],
  ])('reads a Chinese named day written with CLDR’s other day character (日 for 天) in %s: “%s” → %i', (lang, sentence, days) => {
    expect(daysStated(sentence, lang)).toBe(days);
  });

  it.each([
    ['hu', 'A jelszava a mai napon lejár', 0],
    ['et', 'Sinu parool aegub tänasel päeval', 0],
    ['hu', 'A jelszava a holnapi napon lejár', 1],
  ])('reads “today’s day”, the named day as an adjective before CLDR’s day unit (%s: “%s”) → %i', (lang, sentence, days) => {
    expect(daysStated(sentence, lang)).toBe(days);
  });

  it('takes no longer word that only opens like the named day for it (Hungarian “második napon”, on the second day)', () => {
    expect(daysStated('A jelszava a második napon lejár', 'hu')).toBeUndefined();
  });

  it('reads an inflected named day only when asked to (Turkish “bugünün” of “bugün”, Estonian “tänasel” of “täna”)', () => {
    expect(daysStated('Şifrenizin süresi bugünün ilerleyen saatlerinde bitecek', 'tr')).toBeUndefined();
    expect(daysStated('Şifrenizin süresi bugünün ilerleyen saatlerinde bitecek', 'tr', { inflected: true })).toBe(0);
    expect(daysStated('Sinu parool aegub tänasel päeval', 'et', { inflected: true })).toBe(0);
  });

  it('reads no day ahead in a day past written with the other day character (“昨日”, yesterday)', () => {
    expect(daysStated('您的密码昨日已过期', 'zh-CN')).toBeUndefined();
  });

  it('reads nothing where a word means both a day past and a day ahead (Hindi “कल”: yesterday and tomorrow)', () => {
    expect(daysStated('आपका पासवर्ड कल समाप्त हो जाएगा', 'hi')).toBeUndefined();
  });

  it('reads nothing in a language Intl does not know, rather than English words in its place', () => {
    expect(daysStated('Modpas ou an pral ekspire in 10 days', 'ht')).toBeUndefined();
  });

  it('reads nothing when a sentence states two different counts', () => {
    expect(daysStated('Your password expires in 5 days; your account in 30 days', 'en')).toBeUndefined();
  });

  it('writes native digits as ASCII ones', () => {
    expect(asciiDigits('۱۲ روز · ١٢ · १२ · ๑๒ · １２')).toBe('12 روز · 12 · 12 · 12 · 12');
  });
});

describe('explicit dates in the language’s CLDR formats, in days from now', () => {
  it.each([
    ['fr', 'Votre mot de passe expirera le 24 décembre 2026', 21],
    ['ru', 'Срок действия пароля истекает 24 декабря 2026 г.', 21],
    ['cs', 'Vaše heslo vyprší 24. prosince 2026', 21],
    ['tr', 'Şifrenizin süresi 24 Aralık 2026 tarihinde dolacak', 21],
    ['fi', 'Salasanasi vanhenee 24. joulukuuta 2026', 21],
    ['hu', 'A jelszava 2026. 12. 24. napon lejár', 21],
    ['th', 'รหัสผ่านจะหมดอายุวันที่ 24 ธันวาคม 2569', 21],
    ['th', 'รหัสผ่านจะหมดอายุวันที่ 24/12/2569', 21],
    ['de', 'Ihr Passwort läuft am 24. Dezember ab', 21],
  ])('turns a %s date into days from now: “%s” → %i', (lang, sentence, days) => {
    expect(daysUntilDate(sentence, lang, NOW)).toBe(days);
  });

  it('trusts the locale’s order when both readings are dates (en-US: month first)', () => {
    expect(daysUntilDate('expires on 12/05/2026', 'en', NOW)).toBe(2);
    expect(daysUntilDate('vervalt op 12/05/2027', 'nl', NOW)).toBe(160);
  });

  it('refuses a date in another calendar (Persian “۱۴۰۵/۱۰/۳”) rather than misreading it as Gregorian', () => {
    expect(daysUntilDate('رمز عبور شما در ۱۴۰۵/۱۰/۳ منقضی می‌شود', 'fa', NOW)).toBeUndefined();
  });
});

describe('the detector reads counts with CLDR, but never decides with it', () => {
  /** The shipped phrase rows less every row mined from the Okta Sign-In Widget (leave-one-product-out). */
  const withoutOkta = PHRASE_DATA.filter((_, row) => !(phraseSources as string[])[row]?.includes('okta'));

  it('reads a Thai day count that no remaining product bundle teaches', () => {
    const verdict = withPhraseRows(withoutOkta, () => verdictOn('th', 'รหัสผ่านของคุณจะหมดอายุใน 12 วัน'));
    expect(verdict).toMatchObject({ kind: 'expiring', daysLeft: 12 });
  });

  it('reads weeks as days in a Russian warning', () => {
    expect(verdictOn('ru', 'Срок действия вашего пароля истекает через 2 недели.')).toMatchObject({
      kind: 'expiring',
      daysLeft: 14,
    });
  });

  it('keeps a password that expired days ago expired, with no days left', () => {
    const verdict = verdictOn('de', 'Ihr Passwort ist vor 3 Tagen abgelaufen.');
    expect(verdict.kind).toBe('expired');
    expect(verdict.daysLeft).toBeUndefined();
  });

  it('turns a Czech date still ahead into a warning with its days', () => {
    expect(verdictOn('cs', 'Vaše heslo vyprší 24. prosince 2026.')).toMatchObject({ kind: 'expiring', daysLeft: 21 });
  });

  it.each([
    ['en', 'Your subscription renews in 5 days.'],
    ['ru', 'Ваша посылка прибудет через 2 дня.'],
    ['de', 'Ihre Lieferung kommt am 24. Dezember 2026.'],
    ['fr', 'Le webinaire commence demain.'],
    ['ja', '次回のメンテナンスは 2026年12月24日 です。'],
  ])('never calls a page positive because of a date or a day count alone (%s: “%s”)', (lang, text) => {
    expect(verdictOn(lang, text).kind).toBe('none');
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { createTranslator, type Dictionary, lookupIn, pickLocale, type SupportedLocale, supportedLocales } from '@/utils/i18n/translate';

/**
 * The translator over each locale's real messages, built exactly as the extension package ships
 * them (locales/<lang>.yml → _locales/<lang>/messages.json), with English behind it as a forced
 * language has.
 */

const root = resolve(import.meta.dirname, '../..');

function dictionary(locale: SupportedLocale): Dictionary {
  return generateChromeMessages(parseMessagesText(readFileSync(resolve(root, 'locales', `${locale}.yml`), 'utf8'), 'YAML'));
}

const dictionaries = new Map(supportedLocales.map((locale) => [locale, dictionary(locale)]));

function translatorFor(locale: SupportedLocale) {
  const english = dictionaries.get('en')!;
  const own = dictionaries.get(locale)!;
  return createTranslator(locale === 'en' ? lookupIn(english) : lookupIn(own, english), locale);
}

describe('plural forms with each language’s own messages', () => {
  const days: Record<SupportedLocale, [one: string, two: string]> = {
    en: ['1 day', '2 days'],
    de: ['1 Tag', '2 Tage'],
    fr: ['1 jour', '2 jours'],
    es: ['1 día', '2 días'],
    nl: ['1 dag', '2 dagen'],
    ja: ['1 日', '2 日'],
  };

  it.each(supportedLocales)('%s says "1 day" and "2 days" in its own words', (locale) => {
    const { t } = translatorFor(locale);
    expect([t('strength.crackTime.days', [], 1), t('strength.crackTime.days', [], 2)]).toEqual(days[locale]);
  });

  it('French uses the singular for 0 ("0 lettre"), where German and Dutch use the plural', () => {
    expect(translatorFor('fr').t('policy.minAlpha', [], 0)).toBe('Au moins 0 lettre');
    expect(translatorFor('de').t('policy.minAlpha', [], 0)).toBe('Mindestens 0 Buchstaben');
    expect(translatorFor('nl').t('policy.minAlpha', [], 0)).toBe('Minimaal 0 letters');
  });

  it('French uses the plural from 2 on', () => {
    expect(translatorFor('fr').t('policy.minAlpha', [], 2)).toBe('Au moins 2 lettres');
  });

  it.each(supportedLocales)('%s picks its explicit zero form for 0 and the singular for 1', (locale) => {
    const { t } = translatorFor(locale);
    const [zero, one, other] = dictionaries.get(locale)!.popup_accountsWillChange!.message.split(' | ');
    expect(t('popup.accountsWillChange', [], 0)).toBe(zero);
    expect(t('popup.accountsWillChange', [], 5)).toBe(other!.replace('$1', '5'));
    // Japanese has no singular: 1 takes the general form with the number in it.
    expect(t('popup.accountsWillChange', [], 1)).toBe(locale === 'ja' ? other!.replace('$1', '1') : one);
  });

  it('Japanese reads the same sentence for every count, with the number in it', () => {
    const { t } = translatorFor('ja');
    expect(t('policy.minLength', [], 1)).toBe('1 文字以上');
    expect(t('policy.minLength', [], 12)).toBe('12 文字以上');
    expect(t('popup.accountsWillChange', [], 0)).toBe('変更されるアカウントはありません');
    expect(t('popup.accountsWillChange', [], 3)).toBe('3 件のアカウントが変更されます');
  });

  it.each(supportedLocales)('%s renders every plural message as one form with every placeholder filled', (locale) => {
    const { t } = translatorFor(locale);
    const pluralKeys = Object.entries(dictionaries.get('en')!)
      .filter(([, entry]) => entry.message.includes(' | '))
      .map(([name]) => name);
    expect(pluralKeys.length).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const name of pluralKeys) {
      for (const count of [0, 1, 2, 3, 5, 11, 21, 101, 1_000_000]) {
        // $1 is the count; the few messages with a $2 get a label for it.
        const text = t(name, [count, 'Active Directory'], count);
        if (text.includes(' | ') || /\$\d/.test(text) || text === name) broken.push(`${name} (${count}): ${text}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('numbers, dates and days in each language', () => {
  const grouped: Record<SupportedLocale, string> = {
    en: '1,234',
    de: '1.234',
    fr: '1\u202f234',
    es: '12.345',
    nl: '1.234',
    ja: '1,234',
  };

  it.each(supportedLocales)('%s groups digits its own way', (locale) => {
    // Spanish groups only from five digits on (CLDR minimum grouping), so it is shown with 12345.
    expect(translatorFor(locale).formatNumber(locale === 'es' ? 12345 : 1234)).toBe(grouped[locale]);
  });

  it('formats numbers it substitutes into a message (German 1.234)', () => {
    expect(translatorFor('de').t('popup.rulesUnmet', [], 1234)).toBe('1.234 Passwortregeln sind noch nicht erfüllt.');
    expect(translatorFor('de').t('errors.rateLimited', [1234])).toContain('in 1.234 Sekunden');
  });

  const dates: Record<SupportedLocale, string> = {
    en: 'Mar 15, 2025',
    de: '15.03.2025',
    fr: '15 mars 2025',
    es: '15 mar 2025',
    nl: '15 mrt 2025',
    ja: '2025/03/15',
  };

  it.each(supportedLocales)('%s writes the date in its own order and month names', (locale) => {
    // Midday UTC is the same calendar day in every time zone the test may run in.
    expect(translatorFor(locale).formatDateTime(Date.UTC(2025, 2, 15, 12))).toContain(dates[locale]);
  });

  const tomorrow: Record<SupportedLocale, string> = { en: 'tomorrow', de: 'morgen', fr: 'demain', es: 'mañana', nl: 'morgen', ja: '明日' };

  it.each(supportedLocales)('%s says "tomorrow" in words', (locale) => {
    expect(translatorFor(locale).formatRelativeDays(1)).toBe(tomorrow[locale]);
  });

  it('keeps the order a language needs for reordered placeholders (Japanese puts $2 first)', () => {
    expect(translatorFor('ja').t('options.signedInAs', ['alice', 'acme'])).toBe('acme に alice としてサインインしています。');
    expect(translatorFor('de').t('options.signedInAs', ['alice', 'acme'])).toBe('Angemeldet als alice bei acme.');
  });
});

describe('a forced language', () => {
  it('maps a regional or unknown browser language to a supported one', () => {
    expect(pickLocale('fr-CA')).toBe('fr');
    expect(pickLocale('de_AT')).toBe('de');
    expect(pickLocale('pt-BR')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });

  it('falls back to English for a key the forced language lacks', () => {
    const { popup_signIn: _removed, ...frenchWithoutSignIn } = dictionaries.get('fr')!;
    const { t } = createTranslator(lookupIn(frenchWithoutSignIn, dictionaries.get('en')!), 'fr');
    expect(t('popup.signIn')).toBe('Sign in');
    expect(t('popup.signOut')).toBe('Se déconnecter');
  });

  it('still chooses the plural form by the forced language’s rules when falling back to English', () => {
    const { strength_crackTime_days: _removed, ...frenchWithoutDays } = dictionaries.get('fr')!;
    const { t } = createTranslator(lookupIn(frenchWithoutDays, dictionaries.get('en')!), 'fr');
    expect(t('strength.crackTime.days', [], 2)).toBe('2 days');
  });

  it('shows the key itself when no language has it, so the gap is visible and reportable', () => {
    expect(translatorFor('nl').t('popup.noSuchKey')).toBe('popup.noSuchKey');
  });
});

describe('a translator costs nothing until it formats', () => {
  // The first Intl object in a fresh page process loads ICU's locale data: a translator made for a first paint must
  // not pay that for screens that show no number, date or plural.
  it('builds no Intl formatter for a plain message, and each one once when first needed', () => {
    const made: string[] = [];
    const counted = <T extends new (...args: never[]) => object>(name: string, original: T): T =>
      new Proxy(original, {
        construct(target, args) {
          made.push(name);
          return Reflect.construct(target, args);
        },
      });
    const { PluralRules, NumberFormat, DateTimeFormat, RelativeTimeFormat } = Intl;
    Object.assign(Intl, {
      PluralRules: counted('PluralRules', PluralRules),
      NumberFormat: counted('NumberFormat', NumberFormat),
      DateTimeFormat: counted('DateTimeFormat', DateTimeFormat),
      RelativeTimeFormat: counted('RelativeTimeFormat', RelativeTimeFormat),
    });
    try {
      const translator = translatorFor('en');
      expect(translator.t('popup.signIn')).not.toBe('popup.signIn');
      expect(made).toEqual([]);
      translator.t('strength.crackTime.days', [], 2);
      translator.t('strength.crackTime.days', [], 3);
      translator.formatDateTime(0);
      translator.formatDateTime(1);
      expect([...made].sort()).toEqual(['DateTimeFormat', 'NumberFormat', 'PluralRules']);
    } finally {
      Object.assign(Intl, { PluralRules, NumberFormat, DateTimeFormat, RelativeTimeFormat });
    }
  });
});

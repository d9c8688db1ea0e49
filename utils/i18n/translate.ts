import { once } from '@/utils/lazy/once';

/**
 * A small translator over the `_locales/<lang>/messages.json` format that @wxt-dev/i18n builds
 * from locales/*.yml. It adds what the platform lacks: a forced language (enterprise policy)
 * and plurals chosen with Intl.PluralRules rather than "count === 1" (French says "0 jour").
 */

export type Dictionary = Record<string, { message: string }>;
/**
 * Returns the message for an underscored key with $1…$9 filled from `subs`, or '' when missing.
 * (chrome.i18n.getMessage drops unfilled $n markers, so substitution belongs to the lookup.)
 */
export type Lookup = (underscoredKey: string, subs: readonly string[]) => string;

export function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\d)/g, (whole, digit: string) => subs[Number(digit) - 1] ?? whole);
}

export const supportedLocales = ['en', 'de', 'fr', 'es', 'nl', 'ja'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

export function pickLocale(requested: string | undefined): SupportedLocale {
  const base = (requested ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (supportedLocales as readonly string[]).includes(base) ? (base as SupportedLocale) : 'en';
}

export function lookupIn(...dictionaries: Dictionary[]): Lookup {
  return (key, subs) => {
    for (const dictionary of dictionaries) {
      // Own entries only: a key such as "constructor" or "toString" would otherwise find Object.prototype's
      // function, whose missing `message` crashed every caller (keys can come from stored state).
      const entry = Object.hasOwn(dictionary, key) ? dictionary[key] : undefined;
      if (typeof entry?.message === 'string') return substitute(entry.message, subs);
    }
    return '';
  };
}

export interface Translator {
  locale: SupportedLocale;
  /** `params` fill $1…$9; `count` picks the plural form and fills $1 when params are absent. */
  t(key: string, params?: readonly (string | number)[], count?: number): string;
  formatNumber(value: number): string;
  formatDateTime(epochMs: number): string;
  formatRelativeDays(days: number): string;
}

export function createTranslator(lookup: Lookup, locale: SupportedLocale): Translator {
  // Made on first use: the first Intl object of a freshly started page or worker process loads ICU's locale data
  // (about 20 ms on a 2-core machine, measured in the popup's first paint), and most screens format no number,
  // date or plural at all.
  const plurals = once(() => new Intl.PluralRules(locale));
  const numbers = once(() => new Intl.NumberFormat(locale));
  const dates = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const relative = once(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

  function choosePlural(message: string, count: number): string {
    const forms = message.split(' | ');
    if (forms.length === 1) return message;
    // Forms come from YAML {0?, 1, n}: an explicit zero form wins for 0; otherwise CLDR decides.
    const [zero, one, other] = forms.length === 3 ? forms : [undefined, forms[0], forms[1]];
    if (count === 0 && zero !== undefined) return zero;
    return plurals().select(count) === 'one' ? (one ?? '') : (other ?? '');
  }

  return {
    locale,
    t(key, params, count) {
      const values = params && params.length > 0 ? params : count !== undefined ? [count] : [];
      const subs = values.map((value) => (typeof value === 'number' ? numbers().format(value) : value));
      const message = lookup(key.replaceAll('.', '_'), subs);
      if (!message) return key;
      return count === undefined ? message : choosePlural(message, count);
    },
    formatNumber: (value) => numbers().format(value),
    formatDateTime: (epochMs) => dates().format(epochMs),
    formatRelativeDays: (days) => relative().format(days, 'day'),
  };
}

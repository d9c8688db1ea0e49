import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';
import { createTranslator, type Dictionary, lookupIn, pickLocale, type Translator } from '@/utils/i18n/translate';

export type MessageKey = keyof GeneratedI18nStructure;

/** The browser's own language and messages. */
function browserTranslator(): Translator {
  const lookup = (key: string, subs: readonly string[]) =>
    browser.i18n.getMessage(key as '@@ui_locale', subs.length > 0 ? [...subs] : undefined);
  return createTranslator(lookup, pickLocale(browser.i18n.getUILanguage()));
}

let active: Translator = browserTranslator();

/**
 * Follows the browser's language unless policy forces one. A forced language loads that
 * locale's messages.json from the package (English fills any gap).
 */
export async function initI18n(forced: string): Promise<Translator> {
  if (!forced) {
    active = browserTranslator();
    return active;
  }
  const locale = pickLocale(forced);
  const load = async (lang: string): Promise<Dictionary> => {
    const response = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/popup.html'));
    return (await response.json()) as Dictionary;
  };
  const dictionaries = locale === 'en' ? [await load('en')] : [await load(locale), await load('en')];
  active = createTranslator(lookupIn(...dictionaries), locale);
  return active;
}

/** Translate a known key. */
export function t(key: MessageKey, params?: readonly (string | number)[], count?: number): string {
  return active.t(key, params, count);
}

/** Translate a key produced by a pure module (policy labels, error explanations). */
export function tk(ref: { key: string; params?: readonly (string | number)[]; count?: number }): string {
  return active.t(ref.key, ref.params, ref.count);
}

export function translator(): Translator {
  return active;
}

/** Replaces the active translator (component tests use the built English dictionary). */
export function setTranslator(next: Translator): void {
  active = next;
}

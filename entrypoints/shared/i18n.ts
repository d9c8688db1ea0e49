import { browser } from 'wxt/browser';
import { createTranslator, type Dictionary, lookupIn, pickLocale, type SupportedLocale, type Translator } from '@/utils/i18n/translate';

/**
 * The browser's own language and messages, unless policy forces a language: then that locale's messages.json is
 * loaded from the package (English fills any gap). Used by the worker and by the extension's pages alike.
 */
export async function loadTranslator(forced: string): Promise<Translator> {
  if (!forced) return browserTranslator();
  const { locale, dictionaries } = await loadMessages(forced);
  return createTranslator(lookupIn(...dictionaries), locale);
}

/** The forced language's messages, then English's (which fills any gap). */
export async function loadMessages(forced: string): Promise<{ locale: SupportedLocale; dictionaries: Dictionary[] }> {
  const locale = pickLocale(forced);
  const load = async (lang: string): Promise<Dictionary> => {
    const response = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/popup.html'));
    return (await response.json()) as Dictionary;
  };
  const dictionaries = locale === 'en' ? [await load('en')] : await Promise.all([load(locale), load('en')]);
  return { locale, dictionaries };
}

export function browserTranslator(): Translator {
  const lookup = (key: string, subs: readonly string[]) =>
    browser.i18n.getMessage(key as '@@ui_locale', subs.length > 0 ? [...subs] : undefined);
  return createTranslator(lookup, pickLocale(browser.i18n.getUILanguage()));
}

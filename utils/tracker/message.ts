/**
 * A localisable message: a `section.key` from locales/*.yml with its $1…$9 substitutions.
 * Pure modules hand these to the UI instead of English sentences.
 * When `count` is set it picks the plural form; `params[0]` is then the count itself.
 */
export interface Message {
  key: string;
  params?: string[];
  count?: number;
}

/** Same shape as `Translator.t` in utils/i18n/translate.ts, so the background can pass it straight in. */
export type Translate = (key: string, params?: readonly (string | number)[], count?: number) => string;

export function render(t: Translate, message: Message): string {
  return t(message.key, message.params, message.count);
}

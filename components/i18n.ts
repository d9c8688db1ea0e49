import type { GeneratedI18nStructure } from '#i18n';
import { createTranslator, type Translator } from '@/utils/i18n/translate';

/**
 * The translator the UI renders with. The page's entry point installs the browser's (or the policy-forced)
 * language with `setTranslator`; until then, and in component tests that install none, keys render as themselves.
 */
export type MessageKey = keyof GeneratedI18nStructure;

let active: Translator = createTranslator((key) => key, 'en');

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

export function setTranslator(next: Translator): void {
  active = next;
}

export type ExpiryKind = 'expired' | 'expiring' | 'none';

/** What a page says about the signed-in user's password; `reason` is a short diagnostic, never shown as prose. */
export interface ExpiryVerdict {
  kind: ExpiryKind;
  daysLeft?: number;
  reason: string;
}

export type PhraseLang = 'en' | 'de' | 'fr' | 'es' | 'nl' | 'it' | 'pt' | 'pl' | 'ja';

/** `expired` says so outright; `forced` demands a change without saying why; `expiring` warns ahead of time. */
export type PhraseCategory = 'expired' | 'forced' | 'expiring';

import type { Rule } from '@/utils/policy/types';
import type { GeneratedPassword, PassphraseOptions } from './types';

export { type CharacterPools, type CharsetOptions, characterPools, DIGITS, LOOK_ALIKES, LOWER, SAFE_SPECIALS, UPPER } from './charsets';
export { createRandom, cryptoRandomSource, type Random, type RandomSource } from './random';
export { DEFAULT_LENGTH, generatePassword, MAX_GENERATED_LENGTH } from './random-password';
export * from './types';

export type PassphraseGenerator = (rules: readonly Rule[], options?: PassphraseOptions) => GeneratedPassword;

/** The passphrase generator, loaded on demand: its word list stays out of the popup's first bundle. */
export async function loadPassphraseGenerator(): Promise<PassphraseGenerator> {
  const { generatePassphrase } = await import('./passphrase');
  return generatePassphrase;
}

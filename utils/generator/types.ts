import type { PolicyConflict, PolicyContext } from '@/utils/policy/types';
import type { CharsetOptions } from './charsets';
import type { RandomSource } from './random';

export type PasswordStyle = 'random' | 'passphrase';

export type GeneratorMessageKey =
  | 'generator.error.impossiblePolicy'
  | 'generator.error.tooLong'
  | 'generator.error.noCharacters'
  | 'generator.error.avoidContext'
  | 'generator.error.gaveUp'
  | 'generator.fallback.length'
  | 'generator.fallback.characters'
  | 'generator.fallback.context';

export interface GeneratorOptions extends CharsetOptions {
  /** Wanted length in characters; clamped into what the rules allow. Default: max(16, minLength). */
  length?: number;
  /** Values the password must not contain (the policy's context rules). */
  context?: PolicyContext;
  /** Source of randomness; WebCrypto unless a test injects a seeded one. */
  random?: RandomSource;
}

export interface PassphraseOptions extends GeneratorOptions {
  /** Number of words (default 5); more when the rules need them. */
  words?: number;
}

export interface GeneratedPassword {
  password: string;
  style: PasswordStyle;
  /** A lower bound of the generator's entropy for this rule set, in whole bits. */
  entropyBits: number;
  /** Set when a passphrase was asked for but random characters were generated instead. */
  fallbackReasonKey?: GeneratorMessageKey;
}

export type GeneratorErrorCode = 'impossible-policy' | 'too-long' | 'no-characters' | 'avoid-context' | 'gave-up';

/** Why no password was generated. Carries a message key for the UI and never the password. */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
  constructor(
    readonly code: GeneratorErrorCode,
    readonly messageKey: GeneratorMessageKey,
    readonly params: Array<string | number> = [],
    readonly conflicts: PolicyConflict[] = [],
  ) {
    super(`password generation failed: ${code}`);
  }
}

import { classifyCharacter } from '@/utils/policy/classify';

/**
 * Characters the generator draws from.
 *
 * Special characters: `! # - . : ? @ _ ~` by default. Directory servers accept any printable
 * character, but passwords also travel through connectors, scripts, CSV exports and web forms,
 * and the rest each break somewhere: quotes and backslash (quoting and escaping), space
 * (trimmed by forms), `< > &` (HTML/XML filters), `% +` (URL decoding), `$ ^ \`` (shell and
 * cmd.exe expansion), `( ) *` (LDAP filter syntax), `, ; = /` (DN and CSV separators),
 * `[ ] { } |` (templating and look-alikes).
 *
 * Look-alikes: `O 0 o 1 l I |` are left out by default, so a password read aloud or copied by
 * hand survives.
 */
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const SAFE_SPECIALS = '!#-.:?@_~';
export const LOOK_ALIKES = 'O0o1lI|';

export interface CharacterPools {
  upper: readonly string[];
  lower: readonly string[];
  digit: readonly string[];
  special: readonly string[];
}

export interface CharsetOptions {
  /** Leave out characters that are easily confused (default true). */
  excludeLookAlikes?: boolean;
  /** Replaces the default special characters; letters, digits and whitespace in it are ignored. */
  specials?: string;
}

export function characterPools(options: CharsetOptions = {}): CharacterPools {
  const excluded = options.excludeLookAlikes === false ? '' : LOOK_ALIKES;
  const usable = (characters: string) => [...new Set(characters)].filter((character) => !excluded.includes(character));
  const specials = [...(options.specials ?? SAFE_SPECIALS)].filter(
    (character) => classifyCharacter(character) === 'special' && character.trim() !== '',
  );
  return { upper: usable(UPPER), lower: usable(LOWER), digit: usable(DIGITS), special: usable(specials.join('')) };
}

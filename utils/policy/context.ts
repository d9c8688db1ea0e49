import { codePointLength } from './classify';

/**
 * The words a password must not contain for the context rules (account id, account name,
 * identity attributes).
 *
 * For each value the caller knows:
 * - the whole value, lower-cased and trimmed, if it has at least `minWordLength` code points;
 * - every word of it with at least `minWordLength` code points, where words are the runs of
 *   letters and digits. Distinguished names are read per RDN and the attribute type is
 *   dropped: "CN=Alice Smith,OU=Staff,DC=corp" gives "alice", "smith", "staff", "corp" (not "cn");
 *   "alice.smith@corp.example" gives "alice", "smith", "corp", "example".
 * A password breaks the rule when its lower-cased form contains any of them.
 */

const DN_ATTRIBUTE = /^\s*[A-Za-z][\w-]*\s*=/;
const RDN_SEPARATOR = /(?<!\\),/;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

function isDistinguishedName(value: string): boolean {
  return value.includes('=') && value.split(RDN_SEPARATOR).every((part) => DN_ATTRIBUTE.test(part));
}

function wordsOf(value: string): string[] {
  const parts = isDistinguishedName(value) ? value.split(RDN_SEPARATOR).map((rdn) => rdn.slice(rdn.indexOf('=') + 1)) : [value];
  return parts.flatMap((part) => part.split(WORD_SEPARATORS));
}

export function forbiddenTokens(values: readonly unknown[] | undefined, minWordLength: number): string[] {
  const tokens = new Set<string>();
  for (const raw of values ?? []) {
    if (typeof raw !== 'string') continue;
    const value = raw.trim().toLowerCase();
    if (codePointLength(value) >= minWordLength) tokens.add(value);
    for (const word of wordsOf(value)) {
      if (codePointLength(word) >= minWordLength) tokens.add(word);
    }
  }
  return [...tokens];
}

export function containsAnyToken(password: string, tokens: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  const lowered = password.toLowerCase();
  return tokens.some((token) => lowered.includes(token));
}

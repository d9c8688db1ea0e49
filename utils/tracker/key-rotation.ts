/**
 * The documented form of a key rotation: a change FAILED with "The password change payload is invalid" (ISC
 * could not decrypt what was encrypted for a key it has since replaced). No imports: the popup uses it too.
 */

const INVALID_PAYLOAD = /payload is invalid|could not decrypt|decryption failed/i;

export function isInvalidPayload(errors: readonly string[]): boolean {
  return errors.some((error) => INVALID_PAYLOAD.test(error));
}

/** What a page knows of a settled change (ChangeView has these fields). */
interface SettledChange {
  sourceName: string;
  state: string;
  settledAt?: number;
  errors: readonly string[];
}

/**
 * Sources an open popup must load again: a change on them FAILED because ISC could not decrypt it (the key
 * was rotated) after the popup fetched the key it still shows. The worker has already dropped its cached copy,
 * so loading again brings the new key and the employee's next attempt goes through.
 */
export function sourcesWithRotatedKey(changes: readonly SettledChange[], fetchedAt: (sourceName: string) => number | undefined): string[] {
  const sources = changes
    .filter((change) => change.state === 'failed' && isInvalidPayload(change.errors))
    .filter((change) => {
      const shownSince = fetchedAt(change.sourceName);
      return shownSince !== undefined && change.settledAt !== undefined && change.settledAt >= shownSince;
    })
    .map((change) => change.sourceName);
  return [...new Set(sources)];
}

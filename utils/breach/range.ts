import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export const PREFIX_LENGTH = 5;

/** The upper-case SHA-1 hex of a password, split where k-anonymity needs it: only `prefix` may leave the machine. */
export function hashForRange(password: string): { prefix: string; suffix: string } {
  const bytes = new TextEncoder().encode(password);
  const hex = bytesToHex(sha1(bytes)).toUpperCase();
  bytes.fill(0);
  return { prefix: hex.slice(0, PREFIX_LENGTH), suffix: hex.slice(PREFIX_LENGTH) };
}

const RANGE_LINE = /^([0-9A-Fa-f]{35}):(\d+)$/;

/**
 * How often `suffix` occurs in a range reply (`SUFFIX:COUNT` lines), 0 when absent; null when the body is not a
 * range reply. Lines with count 0 are the padding that `Add-Padding: true` asks for, so they count as absent.
 */
export function findSuffixCount(body: string, suffix: string): number | null {
  let found = 0;
  for (const rawLine of body.split('\n')) {
    const line = rawLine.trim();
    if (line === '') continue;
    const match = RANGE_LINE.exec(line);
    if (!match) return null;
    if (match[1]!.toUpperCase() === suffix) found = Number(match[2]);
  }
  return found;
}

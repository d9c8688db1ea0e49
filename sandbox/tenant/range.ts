import { createHash, randomBytes, randomInt } from 'node:crypto';
import { type Reply, text } from './reply';

const MIN_PADDED_LINES = 800;

export function sha1Hex(password: string): string {
  return createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
}

/** Pwned Passwords k-anonymity range: the tenant only ever sees the 5-character prefix. */
export function rangeReply(prefix: string, breached: ReadonlyArray<{ password: string; count: number }>, addPadding: boolean): Reply {
  if (!/^[0-9a-fA-F]{5}$/.test(prefix)) return text(400, 'The hash prefix was not in a valid format');
  const upper = prefix.toUpperCase();
  const lines = breached
    .map(({ password, count }) => ({ hash: sha1Hex(password), count }))
    .filter(({ hash }) => hash.startsWith(upper))
    .map(({ hash, count }) => `${hash.slice(5)}:${count}`);
  if (addPadding) {
    const target = MIN_PADDED_LINES + randomInt(200);
    while (lines.length < target) lines.push(`${randomBytes(18).toString('hex').slice(0, 35).toUpperCase()}:0`);
    lines.sort();
  }
  return text(200, lines.join('\r\n'), { 'Cache-Control': 'public, max-age=2678400' });
}

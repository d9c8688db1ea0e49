/**
 * What the worker knows of a secret the popup copied: a salted SHA-256 fingerprint, enough to tell later whether
 * the clipboard still holds that very text, never the text. The salt is fresh for every copy, so the fingerprint
 * matches nothing else (no lookup table, no comparing two copies).
 */
export interface ClipboardFingerprint {
  /** 16 random bytes, hex. */
  salt: string;
  /** SHA-256 over the salt's bytes followed by the text's UTF-8 bytes, hex. */
  digest: string;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export async function digestWithSalt(text: string, salt: string): Promise<string> {
  const saltBytes = fromHex(salt);
  const textBytes = new TextEncoder().encode(text);
  const input = new Uint8Array(saltBytes.length + textBytes.length);
  input.set(saltBytes);
  input.set(textBytes, saltBytes.length);
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', input)));
}

export async function fingerprint(text: string): Promise<ClipboardFingerprint> {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  return { salt, digest: await digestWithSalt(text, salt) };
}

/** True when `text` is the text `print` was taken of. */
export async function matches(text: string, print: ClipboardFingerprint): Promise<boolean> {
  return (await digestWithSalt(text, print.salt)) === print.digest;
}

import { bytesToBase64 } from './bytes';
import { CryptoError } from './errors';
import { encryptPkcs1v15, PKCS1_OVERHEAD } from './pkcs1';
import { importRsaPublicKey, type OaepHash, type RsaPublicKey } from './public-key';

export { CryptoError, type CryptoErrorCode, type CryptoMessageKey } from './errors';

export type RsaPadding = 'pkcs1' | 'oaep-sha256' | 'oaep-sha1';

const oaepHashes: Record<Exclude<RsaPadding, 'pkcs1'>, { name: OaepHash; bytes: number }> = {
  'oaep-sha256': { name: 'SHA-256', bytes: 32 },
  'oaep-sha1': { name: 'SHA-1', bytes: 20 },
};

// Every account of a password group is encrypted with the same key in a row: keep the last import.
let lastKey: { text: string; key: Promise<RsaPublicKey> } | undefined;

function loadKey(publicKey: string): Promise<RsaPublicKey> {
  if (lastKey?.text !== publicKey) {
    const key = importRsaPublicKey(publicKey);
    lastKey = { text: publicKey, key };
    key.catch(() => {
      if (lastKey?.key === key) lastKey = undefined;
    });
  }
  return lastKey.key;
}

function byteLimit(key: RsaPublicKey, padding: RsaPadding): number {
  return padding === 'pkcs1' ? key.modulusBytes - PKCS1_OVERHEAD : key.modulusBytes - 2 * oaepHashes[padding].bytes - 2;
}

/**
 * WebCrypto imports a malformed modulus (even, or not a product of primes) without complaint and only fails,
 * with an untyped OperationError, when it encrypts: that is still a bad key from ISC, so say so.
 */
async function encryptOaep(key: RsaPublicKey, hash: OaepHash, message: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  try {
    return new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'RSA-OAEP' }, await key.oaepKey(hash), message));
  } catch {
    throw new CryptoError('invalid-key-encoding');
  }
}

/** The most UTF-8 bytes a password may have for this key and padding (k-11 for PKCS#1 v1.5, k-2h-2 for OAEP). */
export async function maxPasswordBytes(publicKey: string, padding: RsaPadding): Promise<number> {
  return byteLimit(await loadKey(publicKey), padding);
}

/**
 * Encrypts a password for ISC's set-password: UTF-8, RSA with the given padding, base64 ciphertext.
 * `publicKey` is query-password-info's base64 DER SubjectPublicKeyInfo, or PEM. Throws CryptoError.
 */
export async function encryptPassword(password: string, publicKey: string, padding: RsaPadding): Promise<string> {
  if (password.length === 0) throw new CryptoError('empty-password');
  const key = await loadKey(publicKey);
  const message = new TextEncoder().encode(password);
  try {
    const maxBytes = byteLimit(key, padding);
    if (message.length > maxBytes) throw new CryptoError('password-too-long', { maxBytes });
    if (padding === 'pkcs1') return bytesToBase64(encryptPkcs1v15(message, key));
    return bytesToBase64(await encryptOaep(key, oaepHashes[padding].name, message));
  } finally {
    message.fill(0);
  }
}

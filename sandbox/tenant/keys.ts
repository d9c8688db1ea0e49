import { constants, generateKeyPair, type KeyObject, privateDecrypt } from 'node:crypto';
import type { Padding } from './types';

export interface SourceKeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
  /** Base64 DER SubjectPublicKeyInfo, as query-password-info serves it. */
  publicKeyBase64: string;
}

/**
 * Generated key pairs are shared by every tenant started in this process: 2048-bit generation
 * costs a few hundred milliseconds, and test files start many tenants. Each tenant gives every
 * key its own random publicKeyId, so sharing key material never makes two tenants look alike.
 */
const pool: Promise<SourceKeyPair>[] = [];

function generate(): Promise<SourceKeyPair> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 0x10001 }, (error, publicKey, privateKey) => {
      if (error) {
        reject(error);
        return;
      }
      const der = publicKey.export({ type: 'spki', format: 'der' });
      resolve({ publicKey, privateKey, publicKeyBase64: der.toString('base64') });
    });
  });
}

/** The pooled key pair at `index`, generating it (and any before it) on first use. */
export function pooledKeyPair(index: number): Promise<SourceKeyPair> {
  while (pool.length <= index) pool.push(generate());
  return pool[index] as Promise<SourceKeyPair>;
}

/**
 * Undo RSAES-PKCS1-v1_5 padding (`00 02 PS 00 M`, PS ≥ 8 non-zero bytes) without leaving the loop
 * early, so timing does not reveal where the padding went wrong.
 */
export function unpadPkcs1(block: Buffer): Buffer | null {
  let separator = 0;
  let seenSeparator = 0;
  for (let i = 2; i < block.length; i++) {
    const isZero = block[i] === 0 ? 1 : 0;
    const first = isZero & (seenSeparator ^ 1);
    separator = first ? i : separator;
    seenSeparator |= isZero;
  }
  const valid = (block[0] === 0 ? 1 : 0) & (block[1] === 2 ? 1 : 0) & seenSeparator & (separator >= 10 ? 1 : 0);
  return valid ? block.subarray(separator + 1) : null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A password is text. Bytes that are not UTF-8 are an invalid payload, not a password: the raw RSA block of a
 * ciphertext in a padding the tenant does not accept has a valid PKCS#1 v1.5 shape about once in 400 tries (an OAEP
 * block always starts with 0x00), and unpads to random bytes.
 */
export function passwordText(plaintext: Buffer): string | null {
  try {
    return strictUtf8.decode(plaintext);
  } catch {
    return null;
  }
}

/**
 * Node 20 refuses PKCS#1 v1.5 in privateDecrypt (Marvin mitigation), so that padding is removed by
 * hand after a raw RSA operation. OAEP is verified by OpenSSL itself and tried first: its integrity
 * check is strong, while a v1.5 block is only recognised by its shape.
 */
export function decryptPassword(privateKey: KeyObject, ciphertext: Buffer, accepted: readonly Padding[]): Buffer | null {
  const modulusBytes = ((privateKey.asymmetricKeyDetails?.modulusLength ?? 2048) + 7) >> 3;
  if (ciphertext.length !== modulusBytes) return null;
  for (const padding of accepted) {
    if (padding === 'pkcs1') continue;
    try {
      return privateDecrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: padding === 'oaep-sha256' ? 'sha256' : 'sha1' },
        ciphertext,
      );
    } catch {
      // Not this padding: try the next accepted one.
    }
  }
  if (!accepted.includes('pkcs1')) return null;
  try {
    const block = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, ciphertext);
    const message = unpadPkcs1(block);
    return message ? Buffer.from(message) : null;
  } catch {
    return null;
  }
}

import { base64ToBytes, bytesToBigInt } from './bytes';
import { CryptoError } from './errors';

export const MIN_MODULUS_BITS = 2048;

export type OaepHash = 'SHA-256' | 'SHA-1';

export interface RsaPublicKey {
  n: bigint;
  e: bigint;
  modulusBits: number;
  /** k in RFC 8017: every ciphertext is exactly this long. */
  modulusBytes: number;
  /** WebCrypto binds the OAEP hash to the imported key, so there is one key per hash. */
  oaepKey(hash: OaepHash): Promise<CryptoKey>;
}

// AlgorithmIdentifier rsaEncryption (1.2.840.113549.1.1.1); it sits in the first bytes of an RSA SubjectPublicKeyInfo.
const RSA_ENCRYPTION_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_SEARCH_WINDOW = 24;

/** ISC sends base64 DER SubjectPublicKeyInfo; people paste PEM. Both may carry whitespace or line breaks. */
export function decodeSpki(text: string): Uint8Array<ArrayBuffer> {
  const pem = /-----BEGIN PUBLIC KEY-----([^-]*)-----END PUBLIC KEY-----/.exec(text);
  if (!pem && text.includes('-----')) throw new CryptoError('invalid-key-encoding');
  const der = base64ToBytes((pem ? pem[1]! : text).replace(/\s+/g, ''));
  // Every DER SubjectPublicKeyInfo is a SEQUENCE (tag 0x30).
  if (der?.[0] !== 0x30) throw new CryptoError('invalid-key-encoding');
  return der;
}

function hasRsaAlgorithm(der: Uint8Array): boolean {
  const head = der.subarray(0, OID_SEARCH_WINDOW);
  return head.some((_, start) => RSA_ENCRYPTION_OID.every((byte, i) => head[start + i] === byte));
}

function importOaep(der: Uint8Array<ArrayBuffer>, hash: OaepHash): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('spki', der, { name: 'RSA-OAEP', hash }, true, ['encrypt']);
}

/** OpenSSL refuses public exponents above 64 bits for the same reason: real keys use 3, 17 or 65537. */
export const MAX_EXPONENT_BITS = 64;

/**
 * WebCrypto imports any SPKI, but e = 1 makes the "ciphertext" the padded plaintext, an even e is no RSA key
 * (nothing could decrypt), and a megabyte-long e from a hostile reply would freeze the BigInt exponentiation.
 */
function usableExponent(e: bigint, n: bigint): boolean {
  return e >= 3n && e % 2n === 1n && e < n && e.toString(2).length <= MAX_EXPONENT_BITS;
}

export async function importRsaPublicKey(text: string): Promise<RsaPublicKey> {
  const der = decodeSpki(text);
  if (!hasRsaAlgorithm(der)) throw new CryptoError('not-rsa-key');
  let sha256Key: CryptoKey;
  try {
    sha256Key = await importOaep(der, 'SHA-256');
  } catch {
    throw new CryptoError('invalid-key-encoding');
  }
  // A JWK export hands over n and e, which spares us an ASN.1 parser.
  const jwk = await globalThis.crypto.subtle.exportKey('jwk', sha256Key);
  const n = bytesToBigInt(base64ToBytes(jwk.n ?? '') ?? new Uint8Array());
  const e = bytesToBigInt(base64ToBytes(jwk.e ?? '') ?? new Uint8Array());
  const modulusBits = n.toString(2).length;
  if (modulusBits < MIN_MODULUS_BITS) throw new CryptoError('key-too-small', { keyBits: modulusBits });
  if (!usableExponent(e, n)) throw new CryptoError('invalid-key-encoding');
  const oaepKeys: Partial<Record<OaepHash, Promise<CryptoKey>>> = { 'SHA-256': Promise.resolve(sha256Key) };
  return {
    n,
    e,
    modulusBits,
    modulusBytes: Math.ceil(modulusBits / 8),
    oaepKey: (hash) => {
      oaepKeys[hash] ??= importOaep(der, hash);
      return oaepKeys[hash];
    },
  };
}

import { bigIntToBytes, bytesToBigInt } from './bytes';
import { CryptoError } from './errors';
import type { RsaPublicKey } from './public-key';

export type FillRandom = (bytes: Uint8Array) => void;

const secureRandom: FillRandom = (bytes) => {
  globalThis.crypto.getRandomValues(bytes);
};

/** The fixed part of RSAES-PKCS1-v1_5 padding: 0x00 0x02, at least 8 padding bytes, 0x00. */
export const PKCS1_OVERHEAD = 11;

/**
 * EME-PKCS1-v1_5 (RFC 8017 §7.2.1): `0x00 0x02 PS 0x00 M`. PS must hold no zero byte, since the first zero
 * marks where the message starts: zero draws are replaced by fresh ones rather than mapped to another value,
 * which would bias the padding.
 */
export function padPkcs1v15(message: Uint8Array, modulusBytes: number, fillRandom: FillRandom = secureRandom): Uint8Array {
  const psLength = modulusBytes - message.length - 3;
  if (psLength < PKCS1_OVERHEAD - 3) throw new CryptoError('password-too-long', { maxBytes: modulusBytes - PKCS1_OVERHEAD });
  const encoded = new Uint8Array(modulusBytes);
  encoded[1] = 0x02;
  const ps = encoded.subarray(2, 2 + psLength);
  fillRandom(ps);
  const draw = new Uint8Array(1);
  for (let i = 0; i < psLength; i++) {
    while (ps[i] === 0) {
      fillRandom(draw);
      ps[i] = draw[0]!;
    }
  }
  encoded.set(message, 3 + psLength);
  return encoded;
}

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let square = base % modulus;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
  }
  return result;
}

/** RSAES-PKCS1-v1_5 encryption, which WebCrypto does not offer and ISC's documented recipe uses. */
export function encryptPkcs1v15(message: Uint8Array, key: RsaPublicKey, fillRandom?: FillRandom): Uint8Array {
  const encoded = padPkcs1v15(message, key.modulusBytes, fillRandom);
  // BigInts and strings are immutable, so only the byte buffer can be wiped.
  const m = bytesToBigInt(encoded);
  encoded.fill(0);
  return bigIntToBytes(modPow(m, key.e, key.n), key.modulusBytes);
}

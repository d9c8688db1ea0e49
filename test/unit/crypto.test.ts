import { constants, generateKeyPairSync, type KeyObject, privateDecrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CryptoError, type CryptoMessageKey, encryptPassword, maxPasswordBytes } from '@/utils/crypto';
import { bigIntToBytes, bytesToBigInt } from '@/utils/crypto/bytes';
import { modPow, padPkcs1v15 } from '@/utils/crypto/pkcs1';

interface TestKey {
  privateKey: KeyObject;
  /** What ISC's query-password-info returns: base64 DER SubjectPublicKeyInfo. */
  base64: string;
  pem: string;
}

function rsaKey(modulusLength: number): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength });
  return {
    privateKey,
    base64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The raw RSA decryption, so the PKCS#1 v1.5 layout can be inspected (Node refuses PKCS#1 v1.5 decryption itself). */
function rawDecrypt(key: TestKey, ciphertext: string): Uint8Array {
  return new Uint8Array(privateDecrypt({ key: key.privateKey, padding: constants.RSA_NO_PADDING }, Buffer.from(ciphertext, 'base64')));
}

async function cryptoError(promise: Promise<unknown>): Promise<CryptoError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CryptoError);
  return error as CryptoError;
}

/** A random source that hands out `pattern` cyclically, zeros included. */
function scriptedRandom(pattern: number[]) {
  let next = 0;
  let calls = 0;
  const fill = (bytes: Uint8Array) => {
    calls++;
    for (let i = 0; i < bytes.length; i++) bytes[i] = pattern[next++ % pattern.length]!;
  };
  return Object.assign(fill, { calls: () => calls });
}

function expectPkcs1Layout(encoded: Uint8Array, message: Uint8Array, modulusBytes: number) {
  expect(encoded.length).toBe(modulusBytes);
  expect([encoded[0], encoded[1]]).toEqual([0x00, 0x02]);
  const separator = encoded.indexOf(0, 2);
  expect(separator).toBe(modulusBytes - message.length - 1);
  expect(separator - 2).toBeGreaterThanOrEqual(8);
  expect(encoded.subarray(2, separator).every((byte) => byte !== 0)).toBe(true);
  expect(encoded.subarray(separator + 1)).toEqual(message);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('PKCS#1 v1.5 padding', () => {
  it('lays out 0x00 0x02, non-zero random bytes, 0x00 and the message', () => {
    const message = utf8('Pâsswörd ß 😀');
    expectPkcs1Layout(padPkcs1v15(message, 256), message, 256);
  });

  it('replaces every zero the random source produces with a fresh non-zero draw', () => {
    const random = scriptedRandom([0, 17, 0, 0, 200, 0, 3]);
    const message = utf8('hunter2');
    const encoded = padPkcs1v15(message, 256, random);
    expectPkcs1Layout(encoded, message, 256);
    expect(random.calls()).toBeGreaterThan(1);
    expect(new Set(encoded.subarray(2, 256 - message.length - 1))).toEqual(new Set([17, 200, 3]));
  });

  it('keeps the padding well-formed for any message length that fits and any random source', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 245 }),
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 50 }),
        (length, pattern) => {
          const message = Uint8Array.from({ length }, (_, i) => (i * 7) % 256);
          expectPkcs1Layout(padPkcs1v15(message, 256, scriptedRandom([...pattern, 1])), message, 256);
        },
      ),
    );
  });

  it('keeps exactly the minimum 8 padding bytes at the maximum length and refuses one byte more', () => {
    const max = new Uint8Array(256 - 11).fill(0x61);
    expectPkcs1Layout(padPkcs1v15(max, 256), max, 256);
    expect(() => padPkcs1v15(new Uint8Array(256 - 10), 256)).toThrow(CryptoError);
  });
});

describe('BigInt helpers', () => {
  it('computes modular powers', () => {
    expect(modPow(4n, 13n, 497n)).toBe(445n);
    expect(modPow(2n, 65537n, 1_000_000_007n)).toBe(2n ** 65537n % 1_000_000_007n);
    expect(modPow(123456789n, 0n, 1000n)).toBe(1n);
  });

  it('round-trips bytes and left-pads to the requested length', () => {
    const bytes = Uint8Array.from([0, 0, 1, 2, 255]);
    expect(bytesToBigInt(bytes)).toBe(0x0102ffn);
    expect(bigIntToBytes(0x0102ffn, 5)).toEqual(bytes);
    expect(bigIntToBytes(0n, 3)).toEqual(new Uint8Array(3));
  });
});

describe('encryptPassword', () => {
  let key2048: TestKey;
  let key1024: TestKey;
  let ecKey: string;

  beforeAll(() => {
    key2048 = rsaKey(2048);
    key1024 = rsaKey(1024);
    ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  });

  it('produces a modulus-sized PKCS#1 v1.5 block that carries the UTF-8 password', async () => {
    const password = 'Grüße, 世界 🔐';
    const ciphertext = await encryptPassword(password, key2048.base64, 'pkcs1');
    expect(Buffer.from(ciphertext, 'base64')).toHaveLength(256);
    expectPkcs1Layout(rawDecrypt(key2048, ciphertext), utf8(password), 256);
  });

  it('produces OAEP ciphertexts that decrypt with SHA-256 and SHA-1', async () => {
    for (const [padding, oaepHash] of [
      ['oaep-sha256', 'sha256'],
      ['oaep-sha1', 'sha1'],
    ] as const) {
      const ciphertext = await encryptPassword('Grüße 🔐', key2048.base64, padding);
      const plain = privateDecrypt({ key: key2048.privateKey, oaepHash }, Buffer.from(ciphertext, 'base64'));
      expect(plain.toString('utf8')).toBe('Grüße 🔐');
    }
  });

  it('gives a different ciphertext each time for the same password', async () => {
    for (const padding of ['pkcs1', 'oaep-sha256'] as const) {
      const first = await encryptPassword('same password', key2048.base64, padding);
      expect(await encryptPassword('same password', key2048.base64, padding)).not.toBe(first);
    }
  });

  it('accepts base64 DER, base64 with line breaks, and PEM with LF or CRLF line ends', async () => {
    const wrapped = key2048.base64.replace(/.{64}/g, '$&\n');
    const crlfPem = key2048.pem.replace(/\n/g, '\r\n');
    for (const publicKey of [key2048.base64, wrapped, ` ${wrapped}\n`, key2048.pem, crlfPem, `Key:\n${key2048.pem}`]) {
      const ciphertext = await encryptPassword('hunter2', publicKey, 'pkcs1');
      expectPkcs1Layout(rawDecrypt(key2048, ciphertext), utf8('hunter2'), 256);
    }
  });

  it('reports the byte limit of each padding and encrypts a password of exactly that many bytes', async () => {
    const limits = { pkcs1: 245, 'oaep-sha256': 190, 'oaep-sha1': 214 } as const;
    for (const [padding, limit] of Object.entries(limits) as [keyof typeof limits, number][]) {
      expect(await maxPasswordBytes(key2048.base64, padding)).toBe(limit);
      // 4-byte emoji then ASCII: the limit is in UTF-8 bytes, not characters.
      const password = '😀'.repeat(Math.floor(limit / 4)) + 'a'.repeat(limit % 4);
      expect(utf8(password)).toHaveLength(limit);
      await expect(encryptPassword(password, key2048.base64, padding)).resolves.toMatch(/^[A-Za-z0-9+/]+=*$/);
      const error = await cryptoError(encryptPassword(`${password}a`, key2048.base64, padding));
      expect(error).toMatchObject({
        code: 'password-too-long',
        maxBytes: limit,
        messageKey: 'crypto.passwordTooLong',
        params: [String(limit)],
      });
      expect(error.message).not.toContain(password);
    }
  });

  it('refuses an empty password', async () => {
    expect(await cryptoError(encryptPassword('', key2048.base64, 'pkcs1'))).toMatchObject({
      code: 'empty-password',
      messageKey: 'crypto.emptyPassword',
    });
  });

  it('refuses text that is neither base64 nor PEM as an invalid key encoding', async () => {
    const notKeys = [
      'not a key!',
      '',
      'aGVsbG8gd29ybGQ=', // base64, but not DER
      key2048.base64.slice(0, 120), // truncated DER
      key2048.pem.replace('PUBLIC KEY', 'CERTIFICATE'),
      key2048.pem.replace(/PUBLIC KEY/g, 'RSA PUBLIC KEY'),
    ];
    for (const publicKey of notKeys) {
      expect(await cryptoError(encryptPassword('hunter2', publicKey, 'pkcs1'))).toMatchObject({
        code: 'invalid-key-encoding',
        messageKey: 'crypto.invalidKeyEncoding',
      });
    }
  });

  it('refuses an elliptic-curve key', async () => {
    expect(await cryptoError(encryptPassword('hunter2', ecKey, 'oaep-sha256'))).toMatchObject({
      code: 'not-rsa-key',
      messageKey: 'crypto.notRsaKey',
    });
  });

  it('refuses an RSA key under 2048 bits, saying how big it is', async () => {
    expect(await cryptoError(encryptPassword('hunter2', key1024.base64, 'pkcs1'))).toMatchObject({
      code: 'key-too-small',
      keyBits: 1024,
      messageKey: 'crypto.keyTooSmall',
      params: ['1024'],
    });
  });

  it('recovers after a bad key: the next good key works', async () => {
    await cryptoError(encryptPassword('hunter2', 'garbage', 'pkcs1'));
    await expect(encryptPassword('hunter2', key2048.base64, 'pkcs1')).resolves.toBeTypeOf('string');
  });
});

describe('crypto locale section', () => {
  it('has an English message for every error', () => {
    const yaml = readFileSync(new URL('../../locales/en.yml', import.meta.url), 'utf8');
    const section = /^crypto:\n((?: {2}.*\n?)*)/m.exec(yaml)?.[1] ?? '';
    const keys: CryptoMessageKey[] = [
      'crypto.invalidKeyEncoding',
      'crypto.notRsaKey',
      'crypto.keyTooSmall',
      'crypto.passwordTooLong',
      'crypto.emptyPassword',
    ];
    for (const key of keys) expect(section).toMatch(new RegExp(`^ {2}${key.split('.')[1]}: \\S`, 'm'));
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CryptoError, encryptPassword, maxPasswordBytes, type RsaPadding } from '@/utils/crypto';
import { casesRun, check, counted, nastyString, timedAsync } from '../fixtures/hostile/arbitraries';
import { hostileKeys, pem, rsaSpki } from '../fixtures/hostile/keys';

/**
 * Hostile public keys: whatever query-password-info calls a public key, encryptPassword either returns a
 * ciphertext of the modulus' length or throws a CryptoError the UI can explain. Never another exception,
 * never a freeze, and never a "ciphertext" that is the password itself.
 */

const paddings: RsaPadding[] = ['pkcs1', 'oaep-sha256', 'oaep-sha1'];
const password = 'Quiet-Harbor-Lantern-72';
const overhead: Record<RsaPadding, number> = { pkcs1: 11, 'oaep-sha256': 66, 'oaep-sha1': 42 };

async function attempt(
  key: string,
  padding: RsaPadding,
  text = password,
): Promise<{ ok: true; ciphertext: string } | { ok: false; error: unknown }> {
  return timedAsync(1_500, () =>
    encryptPassword(text, key, padding).then(
      (ciphertext) => ({ ok: true as const, ciphertext }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );
}

describe('hostile public keys', () => {
  let keys: ReturnType<typeof hostileKeys>;
  beforeAll(() => {
    keys = hostileKeys();
  });
  afterAll(() => {
    console.info('hostile-crypto cases:', [...casesRun].map(([name, runs]) => `${name}=${runs}`).join(', '));
  });

  it('refuses keys of another algorithm as "not an RSA key"', async () => {
    for (const [name, key] of Object.entries(keys.wrongAlgorithm)) {
      for (const padding of paddings) {
        const result = await attempt(key, padding);
        expect(result, name).toMatchObject({ ok: false, error: expect.any(CryptoError) });
        if (!result.ok) expect((result.error as CryptoError).code, name).toMatch(/^(not-rsa-key|invalid-key-encoding)$/);
      }
    }
  });

  it('refuses RSA keys under 2048 bits as "too small", naming their size', async () => {
    for (const [name, key] of Object.entries(keys.tooSmall)) {
      const result = await attempt(key, 'pkcs1');
      expect(result, name).toMatchObject({ ok: false, error: { code: 'key-too-small' } });
    }
  });

  it('refuses exponents that would expose the password, could not be decrypted, or would freeze the popup', async () => {
    for (const [name, key] of Object.entries(keys.badExponent)) {
      const started = performance.now();
      const result = await attempt(key, 'pkcs1');
      expect(result, name).toMatchObject({ ok: false, error: expect.any(CryptoError) });
      expect(performance.now() - started, name).toBeLessThan(1_000);
    }
  });

  it('still encrypts with the well-formed key in every padding', async () => {
    for (const padding of paddings) {
      const result = await attempt(keys.good, padding);
      expect(result.ok).toBe(true);
      if (result.ok) expect(Buffer.from(result.ciphertext, 'base64')).toHaveLength(256);
    }
  });

  it('any text as a key: a CryptoError or a modulus-sized ciphertext that does not contain the password', async () => {
    const good = () => keys.good;
    const keyText = fc.oneof(
      nastyString,
      fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes).toString('base64')),
      // A real key with bytes flipped, cut short or extended.
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'cut', 'append')).map(([at, byte, how]) => {
        const der = Buffer.from(good(), 'base64');
        const i = at % der.length;
        if (how === 'flip') der[i] = byte;
        const changed = how === 'cut' ? der.subarray(0, i) : how === 'append' ? Buffer.concat([der, Buffer.from([byte])]) : der;
        return changed.toString('base64');
      }),
      // PEM with junk around or inside it.
      fc
        .tuple(nastyString, nastyString, fc.constantFrom('prefix', 'inside', 'header'))
        .map(([junk, more, where]) =>
          where === 'prefix'
            ? `${junk}\n${pem(good())}\n${more}`
            : where === 'inside'
              ? pem(`${good().slice(0, 40)}${junk}${good().slice(40)}`)
              : `-----BEGIN ${junk}-----\n${good()}\n-----END ${more}-----`,
        ),
      fc.bigInt({ min: 0n, max: 1n << 2100n }).chain((n) => fc.bigInt({ min: -5n, max: 1n << 80n }).map((e) => rsaSpki(n, e))),
      fc.constantFrom(
        ...Object.values(keys.wrongAlgorithm),
        ...Object.values(keys.tooSmall),
        ...Object.values(keys.badExponent),
        keys.negativeExponent,
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        keyText,
        fc.constantFrom(...paddings),
        fc.oneof(fc.constant(password), fc.string({ unit: 'binary', maxLength: 300 })),
        async (key, padding, text) => {
          const result = await attempt(key, padding, text);
          if (!result.ok) {
            check(result.error instanceof CryptoError, `untyped failure: ${String(result.error)}`);
            check(!result.error.message.includes(text) || text.length < 4, 'the error repeats the password');
            return;
          }
          const ciphertext = Buffer.from(result.ciphertext, 'base64');
          const limit = await maxPasswordBytes(key, padding);
          // RFC 8017: the ciphertext is exactly k bytes, and k - limit is the padding's overhead.
          const k = limit + overhead[padding];
          check(k >= 256 && ciphertext.length === k, `ciphertext of ${ciphertext.length} bytes for a ${k}-byte modulus`);
          check(!ciphertext.includes(Buffer.from(text, 'utf8')) || text.length < 4, 'the ciphertext contains the password');
        },
      ),
      counted('encryptPassword', 1_500),
    );
  });
});

import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CryptoError, encryptPassword, maxPasswordBytes, type RsaPadding } from '@/utils/crypto';

const run = promisify(execFile);
const OPENSSL = '/usr/bin/openssl';

const SIZES = [2048, 3072, 4096] as const;
const OPENSSL_PADDING_OPTIONS: Record<RsaPadding, string[]> = {
  pkcs1: [], // openssl's default padding
  'oaep-sha256': ['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256'],
  'oaep-sha1': ['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha1'],
};
const PADDINGS = Object.keys(OPENSSL_PADDING_OPTIONS) as RsaPadding[];
const PASSWORDS = {
  ASCII: 'Correct-Horse-Battery-9!',
  accented: 'Été à la Straße, Ærøskøbing',
  CJK: '密码安全テスト비밀번호',
  emoji: '🔐👩‍💻🎉 party time',
};

interface OpensslKey {
  privatePath: string;
  /** PEM SubjectPublicKeyInfo as `openssl pkey -pubout` writes it. */
  pem: string;
  /** The same key as ISC sends it: base64 DER on one line. */
  base64: string;
}

let dir: string;
const rsaKeys = new Map<number, OpensslKey>();

async function generateKey(name: string, algorithmOptions: string[]): Promise<OpensslKey> {
  const privatePath = join(dir, `${name}.pem`);
  await run(OPENSSL, ['genpkey', ...algorithmOptions, '-out', privatePath]);
  const { stdout: pem } = await run(OPENSSL, ['pkey', '-in', privatePath, '-pubout']);
  return { privatePath, pem, base64: pem.replace(/-----[^-]+-----|\s/g, '') };
}

function opensslDecrypt(key: OpensslKey, padding: RsaPadding, ciphertextBase64: string): Buffer {
  const result = spawnSync(OPENSSL, ['pkeyutl', '-decrypt', '-inkey', key.privatePath, ...OPENSSL_PADDING_OPTIONS[padding]], {
    input: Buffer.from(ciphertextBase64, 'base64'),
  });
  if (result.status !== 0) throw new Error(`openssl pkeyutl -decrypt failed: ${result.stderr.toString()}`);
  return result.stdout;
}

/** Exactly `bytes` UTF-8 bytes of mixed 2-, 3- and 4-byte characters, topped up with ASCII. */
function passwordOfBytes(bytes: number): string {
  const unit = 'é密😀'; // 2 + 3 + 4 bytes
  const text = unit.repeat(Math.floor(bytes / 9)) + 'a'.repeat(bytes % 9);
  expect(Buffer.byteLength(text, 'utf8')).toBe(bytes);
  return text;
}

async function expectCryptoError(promise: Promise<unknown>, code: CryptoError['code']): Promise<CryptoError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CryptoError);
  expect((error as CryptoError).code).toBe(code);
  return error as CryptoError;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rekey-crypto-'));
  // One key per size for the whole run: 4096-bit generation alone can take seconds.
  const generated = await Promise.all(
    SIZES.map((bits) => generateKey(`rsa-${bits}`, ['-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`])),
  );
  for (const [i, bits] of SIZES.entries()) rsaKeys.set(bits, generated[i]!);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(SIZES)('a %i-bit key from openssl genpkey', (bits) => {
  const key = () => rsaKeys.get(bits)!;

  describe.each(PADDINGS)('with %s padding', (padding) => {
    it.each(Object.entries(PASSWORDS))('encrypts an %s password that openssl pkeyutl decrypts', async (_kind, password) => {
      const ciphertext = await encryptPassword(password, key().base64, padding);
      expect(Buffer.from(ciphertext, 'base64')).toHaveLength(bits / 8);
      expect(opensslDecrypt(key(), padding, ciphertext).toString('utf8')).toBe(password);
    });

    it('encrypts a password of the maximum length and refuses one byte more', async () => {
      const hashBytes = { pkcs1: 0, 'oaep-sha256': 32, 'oaep-sha1': 20 }[padding];
      const expectedMax = padding === 'pkcs1' ? bits / 8 - 11 : bits / 8 - 2 * hashBytes - 2;
      expect(await maxPasswordBytes(key().base64, padding)).toBe(expectedMax);

      const longest = passwordOfBytes(expectedMax);
      const ciphertext = await encryptPassword(longest, key().base64, padding);
      expect(opensslDecrypt(key(), padding, ciphertext).toString('utf8')).toBe(longest);

      const error = await expectCryptoError(encryptPassword(`${longest}a`, key().base64, padding), 'password-too-long');
      expect(error.maxBytes).toBe(expectedMax);
      expect(error.message).not.toContain(longest);
    });
  });
});

describe('key formats and refusals', () => {
  const key2048 = () => rsaKeys.get(2048)!;

  it('accepts the PEM file, and base64 wrapped over several lines', async () => {
    const wrapped = key2048()
      .pem.replace(/-----[^-]+-----/g, '')
      .trim();
    expect(wrapped).toContain('\n');
    for (const publicKey of [key2048().pem, wrapped]) {
      const ciphertext = await encryptPassword('Straße 🔐', publicKey, 'pkcs1');
      expect(opensslDecrypt(key2048(), 'pkcs1', ciphertext).toString('utf8')).toBe('Straße 🔐');
    }
  });

  it('gives different ciphertexts for the same password, both decrypting to it', async () => {
    for (const padding of PADDINGS) {
      const first = await encryptPassword('same again', key2048().base64, padding);
      const second = await encryptPassword('same again', key2048().base64, padding);
      expect(second).not.toBe(first);
      for (const ciphertext of [first, second]) {
        expect(opensslDecrypt(key2048(), padding, ciphertext).toString('utf8')).toBe('same again');
      }
    }
  });

  it('refuses garbage as an invalid key encoding', async () => {
    await expectCryptoError(encryptPassword('hunter2', '%%% definitely not a key %%%', 'pkcs1'), 'invalid-key-encoding');
  });

  it('refuses an EC P-256 key as not an RSA key', async () => {
    const ec = await generateKey('ec', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    for (const publicKey of [ec.pem, ec.base64]) await expectCryptoError(encryptPassword('hunter2', publicKey, 'pkcs1'), 'not-rsa-key');
  });

  it('refuses a 1024-bit RSA key as too small', async () => {
    const small = await generateKey('rsa-1024', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']);
    const error = await expectCryptoError(encryptPassword('hunter2', small.base64, 'oaep-sha256'), 'key-too-small');
    expect(error.keyBits).toBe(1024);
  });
});

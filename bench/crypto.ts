import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { JSEncrypt } from 'jsencrypt';
import forge from 'node-forge';
import { encryptPassword } from '@/utils/crypto';
import { type BenchSection, summarize } from './types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'Grüße-aus-Zürich 2024 🔐';
const KEY_SIZES = [2048, 4096] as const;
const WARMUP_MS = 150;
const MEASURE_MS = 1200;

type Encrypt = () => unknown | Promise<unknown>;

interface Case {
  library: string;
  padding: 'PKCS#1 v1.5' | 'OAEP-SHA256';
  bits: number;
  encrypt: Encrypt;
}

/** Per-call times in ms, measured for a fixed wall-clock budget after a warm-up. */
async function timeCalls(encrypt: Encrypt): Promise<number[]> {
  for (const end = performance.now() + WARMUP_MS; performance.now() < end; ) await encrypt();
  const samples: number[] = [];
  for (const end = performance.now() + MEASURE_MS; performance.now() < end; ) {
    const start = performance.now();
    await encrypt();
    samples.push(performance.now() - start);
  }
  return samples;
}

function casesFor(bits: number): Case[] {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const base64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  // Every library gets its key parsed once, as ours keeps its last imported key; each returns base64.
  const forgeKey = forge.pki.publicKeyFromPem(pem);
  const forgeBytes = forge.util.encodeUtf8(PASSWORD);
  const jsencrypt = new JSEncrypt();
  jsencrypt.setPublicKey(pem);
  return [
    { library: 'rekey', padding: 'PKCS#1 v1.5', bits, encrypt: () => encryptPassword(PASSWORD, base64, 'pkcs1') },
    { library: 'rekey', padding: 'OAEP-SHA256', bits, encrypt: () => encryptPassword(PASSWORD, base64, 'oaep-sha256') },
    {
      library: 'node-forge',
      padding: 'PKCS#1 v1.5',
      bits,
      encrypt: () => forge.util.encode64(forgeKey.encrypt(forgeBytes, 'RSAES-PKCS1-V1_5')),
    },
    {
      library: 'node-forge',
      padding: 'OAEP-SHA256',
      bits,
      encrypt: () => forge.util.encode64(forgeKey.encrypt(forgeBytes, 'RSA-OAEP', { md: forge.md.sha256.create() })),
    },
    {
      library: 'jsencrypt',
      padding: 'PKCS#1 v1.5',
      bits,
      encrypt: () => {
        if (jsencrypt.encrypt(PASSWORD) === false) throw new Error('jsencrypt could not encrypt');
      },
    },
  ];
}

async function speedSection(): Promise<BenchSection> {
  const rows: BenchSection['rows'] = [];
  for (const bits of KEY_SIZES) {
    const measured = [];
    for (const benchCase of casesFor(bits)) {
      const samples = await timeCalls(benchCase.encrypt);
      const meanMs = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
      measured.push({ ...benchCase, meanMs, ...summarize(samples) });
    }
    for (const row of measured) {
      const ours = measured.find((other) => other.library === 'rekey' && other.padding === row.padding)!;
      rows.push({
        key: `RSA-${bits}`,
        padding: row.padding,
        library: row.library,
        'µs/call (median)': Math.round(row.median * 1000),
        'µs/call (p95)': Math.round(row.p95 * 1000),
        'ops/s': Math.round(1000 / row.meanMs),
        'time vs rekey': `${(row.meanMs / ours.meanMs).toFixed(2)}×`,
      });
    }
  }
  return {
    title: 'RSA encryption of one password (Node, one core)',
    columns: ['key', 'padding', 'library', 'µs/call (median)', 'µs/call (p95)', 'ops/s', 'time vs rekey'],
    rows,
    notes: [
      `${MEASURE_MS} ms of calls per row after ${WARMUP_MS} ms of warm-up; keys parsed once per library; output base64.`,
      'rekey: PKCS#1 v1.5 by BigInt modular exponentiation, OAEP by WebCrypto (native).',
      'jsencrypt has no OAEP. It runs in Node 20 without shims, but with no `window` it seeds its padding from Math.random.',
    ],
  };
}

async function gzippedBundle(entry: { file: string } | { code: string }): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.code, resolveDir: ROOT, loader: 'ts' as const } }),
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    alias: { '@': ROOT },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

async function sizeSection(): Promise<BenchSection> {
  const entries: Array<[string, string, { file: string } | { code: string }]> = [
    ['rekey', 'utils/crypto/index.ts (PKCS#1 v1.5 + OAEP)', { file: `${ROOT}utils/crypto/index.ts` }],
    [
      'node-forge',
      'pki.publicKeyFromPem + RSA encrypt (+ sha256 for OAEP)',
      {
        code: `import forge from 'node-forge/lib/forge';
import 'node-forge/lib/x509';
import 'node-forge/lib/pkcs1';
import 'node-forge/lib/sha256';
export const encrypt = (pem: string, bytes: string, oaep: boolean) =>
  forge.pki.publicKeyFromPem(pem).encrypt(bytes, oaep ? 'RSA-OAEP' : 'RSAES-PKCS1-V1_5', oaep ? { md: forge.md.sha256.create() } : undefined);`,
      },
    ],
    ['node-forge', 'whole package (import forge from node-forge)', { code: `import forge from 'node-forge'; export default forge;` }],
    [
      'jsencrypt',
      'JSEncrypt setPublicKey + encrypt',
      {
        code: `import { JSEncrypt } from 'jsencrypt'; export const encrypt = (pem: string, text: string) => { const j = new JSEncrypt(); j.setPublicKey(pem); return j.encrypt(text); };`,
      },
    ],
  ];
  const rows: BenchSection['rows'] = [];
  for (const [library, what, entry] of entries) {
    const { minified, gzipped } = await gzippedBundle(entry);
    rows.push({ library, bundle: what, 'minified bytes': minified, 'gzip -9 bytes': gzipped });
  }
  const ours = Number(rows[0]!['gzip -9 bytes']);
  for (const row of rows) row['vs rekey'] = `${(Number(row['gzip -9 bytes']) / ours).toFixed(1)}×`;
  return {
    title: 'Bundle size of the encryption code (esbuild --bundle --minify, browser ESM)',
    columns: ['library', 'bundle', 'minified bytes', 'gzip -9 bytes', 'vs rekey'],
    rows,
    notes: ['Budget for the lazily imported rekey chunk: 2048 bytes gzipped.'],
  };
}

export default async function runCryptoBench(): Promise<BenchSection[]> {
  return [await speedSection(), await sizeSection()];
}

function printSection(section: BenchSection): void {
  const cells = section.rows.map((row) => section.columns.map((column) => String(row[column] ?? '')));
  const widths = section.columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((value, i) => value.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(`\n${section.title}\n${line(section.columns)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of cells) console.log(line(row));
  for (const note of section.notes ?? []) console.log(`  · ${note}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const section of await runCryptoBench()) printSection(section);
}

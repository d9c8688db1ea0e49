import { pathToFileURL } from 'node:url';
import { generatePassword } from '@/utils/generator';
import { generatePassphrase } from '@/utils/generator/passphrase';
import { checkPassword, parsePolicies } from '@/utils/policy';
import { estimateBasicStrength, loadStrengthEstimator } from '@/utils/strength';
import { type BenchSection, summarize } from './types';

/**
 * What the popup pays per keystroke (policy checklist, strength meter) and per click on
 * "Generate". Timings in microseconds; run standalone with `npx tsx bench/policy.ts`.
 */

const POLICIES = [
  'passwordMinLength is 12',
  'passwordMaxLength is 64',
  'passwordMinAlpha is 1',
  'passwordMinUpper is 1',
  'passwordMinLower is 1',
  'passwordMinNumeric is 1',
  'passwordMinSpecial is 1',
  'passwordMinCharacterTypes is 3',
  'passwordRepeatedChar is 2',
  'passwordValidateAgainstAccountId is true',
  'passwordValidateAgainstAccountName is true',
  'passwordUseIdentityAttributes is true',
  'passwordUseDictionary is true',
  'passwordHistory is 5',
];
const CONTEXT = {
  accountIds: ['CN=Abby Smith,OU=Staff,OU=London,DC=corp,DC=example,DC=com'],
  accountNames: ['Abby.Smith'],
  identityAttributes: ['Abby', 'Smith', 'abby.smith@example.com'],
};
const TYPED = 'Summer!Garden7Lamp_x'; // 20 characters, typed one at a time
const KEYSTROKE_ROUNDS = 2000;
const GENERATE_CALLS = 2000;

function time(run: () => unknown, times: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push((performance.now() - start) * 1000);
  }
  return samples;
}

function perKeystroke(check: (prefix: string) => unknown, rounds: number): number[] {
  const prefixes = Array.from({ length: TYPED.length }, (_, i) => TYPED.slice(0, i + 1));
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const prefix of prefixes) samples.push(...time(() => check(prefix), 1));
  }
  return samples;
}

function row(operation: string, samples: number[]) {
  const { median, p95, min } = summarize(samples);
  const round = (value: number) => Math.round(value * 100) / 100;
  return { operation, samples: samples.length, 'median µs': round(median), 'p95 µs': round(p95), 'min µs': round(min) };
}

export default async function runPolicyBench(): Promise<BenchSection> {
  const rules = parsePolicies(POLICIES);
  // Warm up the JIT so the first rows do not measure compilation.
  perKeystroke((prefix) => checkPassword(prefix, rules, CONTEXT), 200);
  time(() => generatePassword(rules, { context: CONTEXT }), 200);
  time(() => generatePassphrase(rules, { context: CONTEXT }), 200);

  const loadStart = performance.now();
  const zxcvbn = await loadStrengthEstimator();
  const loadMs = performance.now() - loadStart;
  const userInputs = [...CONTEXT.accountNames, ...CONTEXT.identityAttributes];
  perKeystroke((prefix) => zxcvbn(prefix, userInputs), 5);

  const rows = [
    row(
      'parsePolicies (14 strings)',
      time(() => parsePolicies(POLICIES), GENERATE_CALLS),
    ),
    row(
      'checkPassword per keystroke',
      perKeystroke((prefix) => checkPassword(prefix, rules, CONTEXT), KEYSTROKE_ROUNDS),
    ),
    row(
      'generatePassword (random, 16 chars)',
      time(() => generatePassword(rules, { context: CONTEXT }), GENERATE_CALLS),
    ),
    row(
      'generatePassphrase (5 words)',
      time(() => generatePassphrase(rules, { context: CONTEXT }), GENERATE_CALLS),
    ),
    row(
      'basic strength per keystroke',
      perKeystroke((prefix) => estimateBasicStrength(prefix, userInputs), KEYSTROKE_ROUNDS),
    ),
    row(
      'zxcvbn strength per keystroke',
      perKeystroke((prefix) => zxcvbn(prefix, userInputs), 50),
    ),
  ];
  return {
    title: 'Password policy, generator and strength (µs per call)',
    columns: ['operation', 'samples', 'median µs', 'p95 µs', 'min µs'],
    rows,
    notes: [
      `Policy: ${rules.length} rules with account and identity context; keystrokes type a ${TYPED.length}-character password one character at a time.`,
      `Loading zxcvbn and its dictionaries (import + set-up, first time in this process): ${Math.round(loadMs)} ms.`,
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await runPolicyBench();
  console.log(section.title);
  console.table(section.rows);
  for (const note of section.notes ?? []) console.log(note);
}

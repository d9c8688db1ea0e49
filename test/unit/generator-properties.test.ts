import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, GeneratorError, generatePassword, type RandomSource } from '@/utils/generator';
import { generatePassphrase } from '@/utils/generator/passphrase';
import {
  analyzePassword,
  checkPassword,
  codePointLength,
  findConflicts,
  isCompliant,
  minimumCompliantLength,
  normalizeRules,
  type PolicyContext,
  parsePolicies,
  type Rule,
} from '@/utils/policy';

/**
 * Properties over thousands of random policies: every generated password passes checkPassword,
 * or the policy really is impossible and the generator says so. Run counts add up to 4,500.
 */

function seeded(seed: number): RandomSource {
  let state = seed >>> 0;
  return (values) => {
    for (let i = 0; i < values.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      values[i] = (t ^ (t >>> 14)) >>> 0;
    }
  };
}

/** 0 and -1 mean "not set", as in ISC. */
const limit = (max: number) => fc.oneof(fc.constant(-1), fc.constant(0), fc.integer({ min: 1, max }));

const ruleSet = fc
  .record({
    minLength: limit(40),
    maxLength: limit(48),
    minAlpha: limit(12),
    minNumeric: limit(8),
    minSpecial: limit(8),
    minUpper: limit(8),
    minLower: limit(8),
    minCharacterTypes: limit(5),
    maxRepeatedChars: limit(4),
    notAccountId: fc.boolean(),
    notAccountName: fc.boolean(),
    notIdentityAttributes: fc.boolean(),
    dictionary: fc.boolean(),
  })
  .map((fields) => {
    const rules: Rule[] = [];
    for (const kind of [
      'minLength',
      'maxLength',
      'minAlpha',
      'minNumeric',
      'minSpecial',
      'minUpper',
      'minLower',
      'minCharacterTypes',
      'maxRepeatedChars',
    ] as const) {
      if (fields[kind] > 0) rules.push({ kind, value: fields[kind] });
    }
    for (const kind of ['notAccountId', 'notAccountName', 'notIdentityAttributes'] as const) {
      if (fields[kind]) rules.push({ kind, minWordLength: 3 });
    }
    if (fields.dictionary) rules.push({ kind: 'dictionary' });
    return rules;
  });

const name = fc.stringMatching(/^[A-Za-z]{2,8}$/);
const contextArbitrary: fc.Arbitrary<PolicyContext> = fc.record({
  accountIds: fc.array(
    fc.tuple(name, name).map(([given, family]) => `CN=${given} ${family},OU=Staff,DC=corp`),
    { maxLength: 2 },
  ),
  accountNames: fc.array(
    fc.tuple(name, name).map(([given, family]) => `${given}.${family}`),
    { maxLength: 2 },
  ),
  identityAttributes: fc.array(name, { maxLength: 3 }),
});

const options = fc.record({
  seed: fc.integer(),
  length: fc.option(fc.integer({ min: -5, max: 80 }), { nil: undefined }),
  excludeLookAlikes: fc.boolean(),
  words: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
});

function generatesCompliantOrRefuses(generate: () => { password: string }, rules: Rule[], context: PolicyContext) {
  if (findConflicts(normalizeRules(rules)).length > 0) {
    expect(generate).toThrow(GeneratorError);
    return;
  }
  const { password } = generate();
  const results = checkPassword(password, rules, context);
  expect(results.filter((r) => r.status === 'unmet')).toEqual([]);
}

describe('generator properties', () => {
  it('generates a compliant random password for every satisfiable policy and refuses the rest', () => {
    fc.assert(
      fc.property(ruleSet, contextArbitrary, options, (rules, context, { seed, length, excludeLookAlikes }) => {
        generatesCompliantOrRefuses(
          () => generatePassword(rules, { context, length, excludeLookAlikes, random: seeded(seed) }),
          rules,
          context,
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('generates a compliant passphrase, or compliant random characters, for every satisfiable policy', () => {
    fc.assert(
      fc.property(ruleSet, contextArbitrary, options, (rules, context, { seed, words, excludeLookAlikes }) => {
        generatesCompliantOrRefuses(
          () => generatePassphrase(rules, { context, words, excludeLookAlikes, random: seeded(seed) }),
          rules,
          context,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('fills policies whose class rules take up exactly the maximum length', () => {
    fc.assert(
      fc.property(ruleSet, fc.integer({ min: 0, max: 2 }), fc.integer(), (rules, slack, seed) => {
        const classRules = rules.filter((rule) => rule.kind !== 'maxLength' && rule.kind !== 'minLength');
        const tight = [...classRules, { kind: 'maxLength', value: Math.max(1, minimumCompliantLength(classRules)) + slack } as Rule];
        if (findConflicts(tight).length > 0) return;
        const { password } = generatePassword(tight, { random: seeded(seed) });
        expect(isCompliant(checkPassword(password, tight))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips random policy strings: parse, generate, check', () => {
    const known = fc.constantFrom(
      'MinLength',
      'MaxLength',
      'MinAlpha',
      'MinNumeric',
      'MinSpecial',
      'MinUpper',
      'MinLower',
      'MinCharType',
      'RepeatedChar',
      'History',
    );
    const flag = fc.constantFrom('ValidateAgainstAccountId', 'ValidateAgainstAccountName', 'UseIdentityAttributes', 'UseDictionary');
    const casing = fc.constantFrom(
      (s: string) => s,
      (s: string) => s.toLowerCase(),
      (s: string) => s.toUpperCase(),
    );
    const separator = fc.constantFrom(' is ', '=', ' = ', ': ', '  is  ');
    const policy = fc.oneof(
      fc
        .tuple(known, separator, fc.integer({ min: -1, max: 40 }), casing)
        .map(([rule, sep, value, c]) => c(`password${rule}`) + sep + value),
      fc.tuple(flag, separator, fc.boolean(), casing).map(([rule, sep, value, c]) => c(`password${rule}`) + sep + value),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(policy, { maxLength: 12 }), contextArbitrary, fc.integer(), (policies, context, seed) => {
        const rules = parsePolicies(policies);
        generatesCompliantOrRefuses(() => generatePassword(rules, { context, random: seeded(seed) }), rules, context);
      }),
      { numRuns: 800 },
    );
  });

  it('never drops a policy string: each becomes a rule, "not set", or an unknown rule with its text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }), (policies) => {
        const rules = parsePolicies(policies);
        const unknownTexts = new Set(rules.flatMap((rule) => (rule.kind === 'unknown' ? [rule.text] : [])));
        for (const text of policies.map((p) => p.trim()).filter(Boolean)) {
          const alone = parsePolicies([text]);
          expect(alone.length).toBeLessThanOrEqual(1);
          if (alone[0]?.kind === 'unknown') expect(unknownTexts.has(text)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('counts like a plain reference implementation on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (password) => {
        const points = [...password];
        const stats = analyzePassword(password);
        expect(stats.length).toBe(codePointLength(password));
        expect(stats.length).toBe(points.length);
        expect(stats.alpha).toBe(points.filter((c) => /\p{L}/u.test(c)).length);
        expect(stats.numeric).toBe(points.filter((c) => /\p{Nd}/u.test(c)).length);
        expect(stats.special).toBe(points.length - stats.alpha - stats.numeric);
        let longest = 0;
        for (let i = 0; i < points.length; i++) {
          let j = i;
          while (j < points.length && points[j] === points[i]) j++;
          longest = Math.max(longest, j - i);
        }
        expect(stats.longestRun).toBe(longest);
      }),
      { numRuns: 400 },
    );
  });
});

describe('generator uniformity', () => {
  /** Pearson's chi-squared statistic of observed counts against a uniform expectation. */
  function chiSquared(counts: Map<string, number>, categories: number): number {
    let total = 0;
    for (const count of counts.values()) total += count;
    const expected = total / categories;
    let statistic = (categories - counts.size) * expected; // categories never observed
    for (const count of counts.values()) statistic += (count - expected) ** 2 / expected;
    return statistic;
  }

  function characterCounts(passwords: string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const password of passwords) for (const character of password) counts.set(character, (counts.get(character) ?? 0) + 1);
    return counts;
  }

  // 65 symbols → 64 degrees of freedom: mean 64, standard deviation ≈ 11.3. The thresholds are
  // more than 7 standard deviations out (p < 1e-10), so only a real bias can cross them.
  const THRESHOLD_64_DF = 150;

  it('draws every character equally often (fixed seed)', () => {
    const passwords = Array.from({ length: 4000 }, (_, i) => generatePassword([], { random: seeded(i) }).password);
    const counts = characterCounts(passwords);
    expect(counts.size).toBe(65);
    expect(chiSquared(counts, 65)).toBeLessThan(THRESHOLD_64_DF);
  });

  it('draws every character equally often with WebCrypto', () => {
    const passwords = Array.from({ length: 4000 }, () => generatePassword([]).password);
    expect(chiSquared(characterCounts(passwords), 65)).toBeLessThan(THRESHOLD_64_DF);
  });

  it('puts a required character at every position equally often', () => {
    // The only special character is '#', required once; count where the '#' characters land.
    const positions = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const { password } = generatePassword(parsePolicies(['passwordMinSpecial is 1']), { specials: '#', random: seeded(i) });
      [...password].forEach((character, index) => {
        if (character === '#') positions.set(String(index), (positions.get(String(index)) ?? 0) + 1);
      });
    }
    // 16 positions → 15 degrees of freedom: mean 15, standard deviation ≈ 5.5.
    expect(chiSquared(positions, 16)).toBeLessThan(60);
  });

  it('samples integers without modulo bias for an awkward bound', () => {
    const random = createRandom(seeded(99));
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const value = String(random.int(6));
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    // 5 degrees of freedom: mean 5, standard deviation ≈ 3.2.
    expect(chiSquared(counts, 6)).toBeLessThan(40);
  });
});

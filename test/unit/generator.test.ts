import { describe, expect, it } from 'vitest';
import {
  createRandom,
  DEFAULT_LENGTH,
  GeneratorError,
  generatePassword,
  LOOK_ALIKES,
  loadPassphraseGenerator,
  type RandomSource,
  SAFE_SPECIALS,
} from '@/utils/generator';
import { generatePassphrase } from '@/utils/generator/passphrase';
import { WORDS } from '@/utils/generator/words';
import {
  analyzePassword,
  checkPassword,
  codePointLength,
  isCompliant,
  parsePolicies,
  type Rule,
  rulesFromPolicyObject,
} from '@/utils/policy';

/** mulberry32: a small deterministic source so these tests never depend on luck. */
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

/** A source that replays fixed words, for testing the sampling itself. */
function replay(words: number[]): RandomSource {
  let next = 0;
  return (values) => {
    for (let i = 0; i < values.length; i++) values[i] = words[next++ % words.length]!;
  };
}

function expectGeneratorError(run: () => unknown, code: GeneratorError['code']): GeneratorError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).code).toBe(code);
    return error as GeneratorError;
  }
  throw new Error(`expected GeneratorError ${code}`);
}

const corporate = parsePolicies([
  'passwordMinLength is 12',
  'passwordMaxLength is 20',
  'passwordMinUpper is 1',
  'passwordMinLower is 1',
  'passwordMinNumeric is 1',
  'passwordMinSpecial is 1',
  'passwordRepeatedChar is 2',
  'passwordValidateAgainstAccountName is true',
]);

describe('createRandom', () => {
  it('rejects words that would bias the result instead of reducing them modulo the bound', () => {
    // For bound 3 the last 2^32 mod 3 = 1 word (0xFFFFFFFF) would make 0 more likely; it is skipped.
    expect(createRandom(replay([0xffffffff, 5])).int(3)).toBe(2);
    expect(createRandom(replay([0xfffffffe, 5])).int(3)).toBe(0xfffffffe % 3);
  });

  it('refuses bounds it cannot serve uniformly', () => {
    const random = createRandom(seeded(1));
    for (const bound of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN]) expect(() => random.int(bound)).toThrow(RangeError);
    expect(random.int(1)).toBe(0);
  });

  it('shuffles into every permutation about equally often', () => {
    const random = createRandom(seeded(7));
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const order = random.shuffle(['a', 'b', 'c']).join('');
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(count).toBeGreaterThan(850);
  });
});

describe('generatePassword', () => {
  it('meets a typical corporate policy', () => {
    const context = { accountNames: ['alice.smith'] };
    for (let seed = 0; seed < 200; seed++) {
      const { password, style } = generatePassword(corporate, { context, random: seeded(seed) });
      expect(style).toBe('random');
      expect(isCompliant(checkPassword(password, corporate, context))).toBe(true);
    }
  });

  it('is 16 characters long by default, the minimum when that is longer, and never above the maximum', () => {
    expect(codePointLength(generatePassword([]).password)).toBe(DEFAULT_LENGTH);
    expect(codePointLength(generatePassword(parsePolicies(['passwordMinLength is 24'])).password)).toBe(24);
    expect(codePointLength(generatePassword(parsePolicies(['passwordMaxLength is 10'])).password)).toBe(10);
  });

  it('takes a wanted length, clamped into what the policy allows', () => {
    const rules = parsePolicies(['passwordMinLength is 10', 'passwordMaxLength is 30']);
    expect(codePointLength(generatePassword(rules, { length: 22 }).password)).toBe(22);
    expect(codePointLength(generatePassword(rules, { length: 4 }).password)).toBe(10);
    expect(codePointLength(generatePassword(rules, { length: 90 }).password)).toBe(30);
    expect(codePointLength(generatePassword(rules, { length: Number.NaN }).password)).toBe(16);
  });

  it('grows past 16 characters when the class rules need more', () => {
    const rules = parsePolicies(['passwordMinUpper is 6', 'passwordMinLower is 6', 'passwordMinNumeric is 6']);
    expect(codePointLength(generatePassword(rules).password)).toBe(18);
  });

  it('fills a policy whose required classes take the whole maximum length', () => {
    const rules = parsePolicies([
      'passwordMinUpper is 3',
      'passwordMinLower is 3',
      'passwordMinNumeric is 2',
      'passwordMinSpecial is 2',
      'passwordMaxLength is 10',
    ]);
    for (let seed = 0; seed < 100; seed++) {
      const { password } = generatePassword(rules, { random: seeded(seed) });
      expect(analyzePassword(password)).toMatchObject({ length: 10, upper: 3, lower: 3, numeric: 2, special: 2 });
    }
  });

  it('never repeats a character more often than allowed, even with few special characters to choose from', () => {
    const rules = parsePolicies(['passwordMinSpecial is 30', 'passwordMaxLength is 32', 'passwordRepeatedChar is 1']);
    for (let seed = 0; seed < 50; seed++) {
      const { password } = generatePassword(rules, { specials: '!#', random: seeded(seed) });
      expect(analyzePassword(password).longestRun).toBe(1);
    }
  });

  it('leaves out look-alike characters unless asked not to', () => {
    const lookAlike = new RegExp(`[${LOOK_ALIKES.replace('|', '\\|')}]`);
    const rules = parsePolicies(['passwordMinLength is 64']);
    let sawLookAlike = false;
    for (let seed = 0; seed < 50; seed++) {
      expect(generatePassword(rules, { random: seeded(seed) }).password).not.toMatch(lookAlike);
      sawLookAlike ||= lookAlike.test(generatePassword(rules, { excludeLookAlikes: false, random: seeded(seed) }).password);
    }
    expect(sawLookAlike).toBe(true);
  });

  it('draws special characters only from the conservative set, or from the given one', () => {
    const rules = parsePolicies(['passwordMinLength is 64', 'passwordMinSpecial is 20']);
    const specials = (password: string) => [...password].filter((c) => !/[A-Za-z0-9]/.test(c));
    for (let seed = 0; seed < 20; seed++) {
      for (const c of specials(generatePassword(rules, { random: seeded(seed) }).password)) expect(SAFE_SPECIALS).toContain(c);
      for (const c of specials(generatePassword(rules, { specials: '%&a1 ', random: seeded(seed) }).password)) expect('%&').toContain(c);
    }
  });

  it('draws again when a candidate contains a forbidden word', () => {
    // With words of two characters forbidden, 1,500 pairs rule out most candidates.
    const context = {
      accountNames: [
        Array.from(
          { length: 1500 },
          (_, i) =>
            `${'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz'[i % 48]}${'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(i / 48)]}`,
        ).join(' '),
      ],
    };
    const rules = rulesFromPolicyObject({ validateAgainstAccountName: true, accountNameMinWordLength: 2, maxLength: 6 });
    const { password } = generatePassword(rules, { context, random: seeded(3) });
    expect(isCompliant(checkPassword(password, rules, context))).toBe(true);
  });

  it('gives up with a typed error when every candidate contains a forbidden word', () => {
    const pairs = [...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!#-.:?@_~'].flatMap((a, _, all) => all.map((b) => a + b));
    const rules = rulesFromPolicyObject({ validateAgainstAccountName: true, accountNameMinWordLength: 2 });
    const error = expectGeneratorError(
      () => generatePassword(rules, { context: { accountNames: pairs }, random: seeded(1) }),
      'avoid-context',
    );
    expect(error.messageKey).toBe('generator.error.avoidContext');
  });

  it('refuses an impossible policy with its conflicts', () => {
    const error = expectGeneratorError(
      () => generatePassword(parsePolicies(['passwordMinLength is 10', 'passwordMaxLength is 8'])),
      'impossible-policy',
    );
    expect(error.messageKey).toBe('generator.error.impossiblePolicy');
    expect(error.conflicts).toEqual([{ kind: 'maxBelowMin', messageKey: 'policy.conflict.maxBelowMin', params: [8, 10] }]);
  });

  it('refuses lengths beyond 1,024 characters and classes it is set not to use', () => {
    expect(expectGeneratorError(() => generatePassword(parsePolicies(['passwordMinLength is 5000'])), 'too-long').params).toEqual([1024]);
    expectGeneratorError(() => generatePassword(parsePolicies(['passwordMinSpecial is 1']), { specials: '' }), 'no-characters');
    expectGeneratorError(() => generatePassword(parsePolicies(['passwordMinCharacterTypes is 4']), { specials: 'abc' }), 'no-characters');
  });

  it('keeps the password out of the error message', () => {
    const error = expectGeneratorError(
      () => generatePassword(parsePolicies(['passwordMinLength is 10', 'passwordMaxLength is 8'])),
      'impossible-policy',
    );
    expect(error.message).toBe('password generation failed: impossible-policy');
  });

  it('reports a lower bound of its entropy', () => {
    // 16 characters from 24 + 24 + 8 + 9 = 65 symbols.
    expect(generatePassword([]).entropyBits).toBe(Math.floor(16 * Math.log2(65)));
    // With a repeat limit, one symbol per position may be excluded.
    expect(generatePassword(parsePolicies(['passwordRepeatedChar is 2'])).entropyBits).toBe(Math.floor(16 * Math.log2(64)));
  });

  it('ignores unknown and server-checked rules', () => {
    const rules: Rule[] = [{ kind: 'unknown', text: 'passwordFrobnicate is 3' }, { kind: 'dictionary' }, { kind: 'history', value: 5 }];
    expect(codePointLength(generatePassword(rules).password)).toBe(16);
  });
});

describe('generatePassphrase', () => {
  const shape = /^[A-Za-z]+(?:[^A-Za-z][A-Za-z]+)+$/;
  const wordsOf = (passphrase: string) => passphrase.split(/[^A-Za-z]/).map((word) => word.toLowerCase());
  const wordSet = new Set(WORDS);

  it('joins five list words with digits and special characters, with a capital', () => {
    for (let seed = 0; seed < 100; seed++) {
      const result = generatePassphrase(corporate, { random: seeded(seed) });
      expect(result.style).toBe('passphrase');
      expect(result.fallbackReasonKey).toBeUndefined();
      expect(result.password).toMatch(shape);
      expect(result.password).toMatch(/[A-Z]/);
      expect(result.password).toMatch(/\d/);
      expect(wordsOf(result.password).every((word) => wordSet.has(word))).toBe(true);
      expect(isCompliant(checkPassword(result.password, corporate))).toBe(true);
    }
    expect(wordsOf(generatePassphrase([], { random: seeded(1) }).password)).toHaveLength(5);
  });

  it('uses the number of words asked for, but never fewer than four', () => {
    expect(wordsOf(generatePassphrase([], { words: 7, random: seeded(1) }).password)).toHaveLength(7);
    expect(wordsOf(generatePassphrase([], { words: 2, random: seeded(1) }).password)).toHaveLength(4);
  });

  it('adds words for long minimum lengths and many required digits or capitals', () => {
    expect(wordsOf(generatePassphrase(parsePolicies(['passwordMinLength is 35']), { random: seeded(1) }).password)).toHaveLength(9);
    expect(wordsOf(generatePassphrase(parsePolicies(['passwordMinNumeric is 6']), { random: seeded(1) }).password)).toHaveLength(8);
    const capitals = generatePassphrase(parsePolicies(['passwordMinUpper is 6']), { random: seeded(1) }).password;
    expect(analyzePassword(capitals).upper).toBe(6);
  });

  it('uses shorter words, or fewer, under a tight maximum length', () => {
    const rules = parsePolicies(['passwordMaxLength is 20']);
    for (let seed = 0; seed < 50; seed++) {
      const { password, style } = generatePassphrase(rules, { random: seeded(seed) });
      expect(style).toBe('passphrase');
      expect(codePointLength(password)).toBeLessThanOrEqual(20);
    }
  });

  it('avoids words with doubled letters when no character may repeat', () => {
    const rules = parsePolicies(['passwordRepeatedChar is 1']);
    for (let seed = 0; seed < 50; seed++)
      expect(analyzePassword(generatePassphrase(rules, { random: seeded(seed) }).password).longestRun).toBe(1);
  });

  it('avoids the user’s own words', () => {
    const rules = parsePolicies(['passwordValidateAgainstAccountName is true']);
    const context = { accountNames: WORDS.slice(0, 700) };
    for (let seed = 0; seed < 20; seed++) {
      const result = generatePassphrase(rules, { context, random: seeded(seed) });
      expect(isCompliant(checkPassword(result.password, rules, context))).toBe(true);
    }
  });

  it.each<[string, string[], object]>([
    ['generator.fallback.length', ['passwordMaxLength is 14'], {}],
    ['generator.fallback.length', ['passwordMinLength is 48'], {}],
    ['generator.fallback.characters', ['passwordMinSpecial is 12'], {}],
    ['generator.fallback.characters', [], { specials: '' }],
  ])('falls back to random characters with the reason %s', (reason, policies, options) => {
    const rules = parsePolicies(policies);
    const result = generatePassphrase(rules, { ...options, random: seeded(5) });
    expect(result).toMatchObject({ style: 'random', fallbackReasonKey: reason });
    expect(isCompliant(checkPassword(result.password, rules))).toBe(true);
  });

  it('falls back when every passphrase would contain a forbidden word', () => {
    const rules = parsePolicies(['passwordValidateAgainstAccountName is true']);
    const result = generatePassphrase(rules, { context: { accountNames: [...WORDS] }, random: seeded(2) });
    expect(result).toMatchObject({ style: 'random', fallbackReasonKey: 'generator.fallback.context' });
  });

  it('refuses an impossible policy like generatePassword', () => {
    expectGeneratorError(
      () => generatePassphrase(parsePolicies(['passwordMinLength is 10', 'passwordMaxLength is 8'])),
      'impossible-policy',
    );
  });

  it('reports the entropy of its draws', () => {
    // 5 of 1,500 words, 4 separators (one digit of 8, one special of 9, two of 17) and which word is capitalised.
    const expected = 5 * Math.log2(1500) + Math.log2(8) + Math.log2(9) + 2 * Math.log2(17) + Math.log2(5);
    expect(generatePassphrase([]).entropyBits).toBe(Math.floor(expected));
  });

  it('is loaded on demand through loadPassphraseGenerator', async () => {
    expect(await loadPassphraseGenerator()).toBe(generatePassphrase);
  });
});

describe('the passphrase word list', () => {
  it('has at least 1,024 distinct words of 3 to 8 lower-case letters', () => {
    expect(WORDS.length).toBeGreaterThanOrEqual(1024);
    expect(new Set(WORDS).size).toBe(WORDS.length);
    for (const word of WORDS) expect(word).toMatch(/^[a-z]{3,8}$/);
  });
});

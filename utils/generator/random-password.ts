import { checkPassword, firstUnmet } from '@/utils/policy/check';
import { type ClassPlan, classPlan, findConflicts } from '@/utils/policy/conflicts';
import { normalizeRules, ruleValue } from '@/utils/policy/normalize';
import { CONTEXT_RULE_KINDS, type Rule } from '@/utils/policy/types';
import { type CharacterPools, characterPools } from './charsets';
import { createRandom, type Random } from './random';
import { type GeneratedPassword, GeneratorError, type GeneratorOptions } from './types';

export const DEFAULT_LENGTH = 16;
/** Longer policies exist only as typos; refusing them keeps one click from freezing the popup. */
export const MAX_GENERATED_LENGTH = 1024;
const MAX_ATTEMPTS = 100;
const CONTEXT_RULE_IDS: ReadonlySet<string> = new Set(CONTEXT_RULE_KINDS);

type ClassName = keyof CharacterPools;
type Slot = readonly string[];

/**
 * A password of random characters that meets every rule Rekey understands.
 *
 * It holds exactly the characters the class rules require (see classPlan) at uniformly random
 * positions, fills the rest from all four classes, and picks every character uniformly from its
 * class. When a character would make a run longer than maxRepeatedChars it is drawn from the
 * class without the repeated one. The result is verified with checkPassword; a candidate that
 * contains a forbidden word (context rules) is thrown away and drawn again.
 *
 * Throws GeneratorError when the rules cannot be met or exceed what the generator supports.
 */
export function generatePassword(rules: readonly Rule[], options: GeneratorOptions = {}): GeneratedPassword {
  const normalized = normalizeRules(rules);
  const conflicts = findConflicts(normalized);
  if (conflicts.length > 0) throw new GeneratorError('impossible-policy', 'generator.error.impossiblePolicy', [], conflicts);

  const plan = classPlan(normalized);
  const length = chooseLength(normalized, plan, options.length);
  if (length > MAX_GENERATED_LENGTH) throw new GeneratorError('too-long', 'generator.error.tooLong', [MAX_GENERATED_LENGTH]);

  const pools = characterPools(options);
  const maxRun = ruleValue(normalized, 'maxRepeatedChars') ?? Number.POSITIVE_INFINITY;
  const random = createRandom(options.random);
  let lastFailure: GeneratorError | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const slots = layout(plan, length, pools, random);
    const password = fill(slots, maxRun, random);
    const unmet = firstUnmet(checkPassword(password, normalized, options.context));
    if (!unmet) return { password, style: 'random', entropyBits: entropyBits(slots, maxRun) };
    lastFailure = CONTEXT_RULE_IDS.has(unmet.ruleId)
      ? new GeneratorError('avoid-context', 'generator.error.avoidContext')
      : new GeneratorError('gave-up', 'generator.error.gaveUp');
  }
  throw lastFailure ?? new GeneratorError('gave-up', 'generator.error.gaveUp');
}

function chooseLength(rules: readonly Rule[], plan: ClassPlan, wanted: number | undefined): number {
  const minLength = ruleValue(rules, 'minLength') ?? 0;
  const maxLength = ruleValue(rules, 'maxLength') ?? Number.POSITIVE_INFINITY;
  const target = wanted !== undefined && Number.isSafeInteger(wanted) ? wanted : Math.max(DEFAULT_LENGTH, minLength);
  // findConflicts guarantees max(minLength, plan.length) <= maxLength.
  return Math.min(Math.max(target, minLength, plan.length, 1), maxLength);
}

/** The pool of every position: required classes first, then fill, then shuffled. */
function layout(plan: ClassPlan, length: number, pools: CharacterPools, random: Random): Slot[] {
  const slots: Slot[] = [];
  const present = new Set<ClassName>();
  const reserve = (name: ClassName, count: number) => {
    if (count <= 0) return;
    if (pools[name].length === 0) throw new GeneratorError('no-characters', 'generator.error.noCharacters');
    for (let i = 0; i < count; i++) slots.push(pools[name]);
    present.add(name);
  };
  reserve('upper', plan.upper);
  reserve('lower', plan.lower);
  reserve('digit', plan.digit);
  reserve('special', plan.special);

  const missingCases = random.shuffle((['upper', 'lower'] as const).filter((name) => !present.has(name)));
  for (const name of missingCases.slice(0, plan.typesFromExtraLetters)) reserve(name, 1);
  const letters = [...pools.upper, ...pools.lower];
  for (let i = plan.typesFromExtraLetters; i < plan.extraLetters; i++) slots.push(letters);

  const absent = random.shuffle(
    (['upper', 'lower', 'digit', 'special'] as const).filter((name) => !present.has(name) && pools[name].length > 0),
  );
  if (absent.length < plan.missingTypes) throw new GeneratorError('no-characters', 'generator.error.noCharacters');
  for (const name of absent.slice(0, plan.missingTypes)) reserve(name, 1);

  const any = [...pools.upper, ...pools.lower, ...pools.digit, ...pools.special];
  while (slots.length < length) slots.push(any);
  return random.shuffle(slots);
}

function fill(slots: readonly Slot[], maxRun: number, random: Random): string {
  let password = '';
  let previous = '';
  let run = 0;
  for (const pool of slots) {
    const avoid = run >= maxRun ? pool.indexOf(previous) : -1;
    let character: string;
    if (avoid >= 0 && pool.length > 1) {
      const index = random.int(pool.length - 1);
      character = pool[index >= avoid ? index + 1 : index]!;
    } else {
      character = random.pick(pool);
    }
    run = character === previous ? run + 1 : 1;
    previous = character;
    password += character;
  }
  return password;
}

/** Bits of the character draws alone (positions add more): a lower bound. */
function entropyBits(slots: readonly Slot[], maxRun: number): number {
  const excluded = Number.isFinite(maxRun) ? 1 : 0;
  let bits = 0;
  for (const pool of slots) bits += Math.log2(Math.max(1, pool.length - excluded));
  return Math.floor(bits);
}

/**
 * Unbiased random choices over a source of random 32-bit words (WebCrypto by default).
 * Integers come from rejection sampling, so no value is more likely than another (no modulo
 * bias); shuffles are Fisher–Yates over those integers.
 */

/** Fills the array with random 32-bit words. Tests inject a seeded source. */
export type RandomSource = (values: Uint32Array) => void;

export const cryptoRandomSource: RandomSource = (values) => {
  globalThis.crypto.getRandomValues(values);
};

export interface Random {
  /** A uniform integer in [0, bound); bound must be an integer in 1 … 2^32. */
  int(bound: number): number;
  /** A uniform element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Shuffles in place (Fisher–Yates) and returns the array. */
  shuffle<T>(items: T[]): T[];
}

const RANGE = 0x1_0000_0000;

export function createRandom(source: RandomSource = cryptoRandomSource): Random {
  const buffer = new Uint32Array(64);
  let next = buffer.length;
  const word = (): number => {
    if (next === buffer.length) {
      source(buffer);
      next = 0;
    }
    return buffer[next++]!;
  };
  const int = (bound: number): number => {
    if (!Number.isInteger(bound) || bound < 1 || bound > RANGE) throw new RangeError('random bound must be an integer in 1 … 2^32');
    // The largest multiple of bound below 2^32: words at or above it would favour small results.
    const limit = RANGE - (RANGE % bound);
    for (;;) {
      const value = word();
      if (value < limit) return value % bound;
    }
  };
  return {
    int,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(items.length)]!;
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
}

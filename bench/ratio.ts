/**
 * How far a ratio of two medians can be trusted when both sides are a handful of noisy samples (a shared 2-core
 * machine): a percentile bootstrap interval, resampling each side with replacement. Seeded, so the same samples always
 * give the same interval.
 */
import { summarize } from './types';

/** Mulberry32: a small seeded generator, enough to draw resampling indices. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function resample(values: number[], random: () => number): number[] {
  return values.map(() => values[Math.floor(random() * values.length)] as number);
}

/** The `level` (0.9: 5th to 95th percentile) bootstrap interval of median(values) / median(base). */
export function medianRatioInterval(values: number[], base: number[], level = 0.9, resamples = 2000): [number, number] {
  if (values.length === 0 || base.length === 0) return [Number.NaN, Number.NaN];
  const random = seededRandom(0x5eed);
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i++) {
    ratios.push(summarize(resample(values, random)).median / summarize(resample(base, random)).median);
  }
  ratios.sort((a, b) => a - b);
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(q * ratios.length)))] as number;
  return [at((1 - level) / 2), at((1 + level) / 2)];
}

/** "1.12–1.31×": the interval as printed beside the ratio of medians. */
export function formatInterval([low, high]: [number, number]): string {
  return Number.isFinite(low) && Number.isFinite(high) ? `${low.toFixed(2)}–${high.toFixed(2)}×` : '—';
}

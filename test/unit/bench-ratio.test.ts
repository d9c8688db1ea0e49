import { describe, expect, it } from 'vitest';
import { formatInterval, medianRatioInterval } from '@/bench/ratio';

describe("the bench's interval for a ratio of medians", () => {
  it('is a single point when neither side varies', () => {
    expect(medianRatioInterval([12, 12, 12], [10, 10, 10])).toEqual([1.2, 1.2]);
  });

  it('holds the ratio of the medians and widens with the noise of either side', () => {
    const base = [40, 42, 44, 46, 48, 50, 52, 54, 56, 58];
    const quiet = base.map((value) => value * 1.2);
    const noisy = quiet.map((value, index) => value + (index % 2 === 0 ? -15 : 15));
    const [quietLow, quietHigh] = medianRatioInterval(quiet, base);
    const [noisyLow, noisyHigh] = medianRatioInterval(noisy, base);
    expect(quietLow).toBeLessThanOrEqual(1.2);
    expect(quietHigh).toBeGreaterThanOrEqual(1.2);
    expect(noisyHigh - noisyLow).toBeGreaterThan(quietHigh - quietLow);
  });

  it('gives the same interval for the same samples (seeded), and none without samples', () => {
    const values = [30, 55, 41, 38, 62, 47];
    const base = [33, 36, 45, 29, 40, 51];
    expect(medianRatioInterval(values, base)).toEqual(medianRatioInterval(values, base));
    expect(formatInterval(medianRatioInterval([], base))).toBe('—');
    expect(formatInterval([1.123, 1.456])).toBe('1.12–1.46×');
  });
});

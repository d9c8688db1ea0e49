import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { recordOf } from '@/utils/schema/record-of';

const days = recordOf(v.pipe(v.number(), v.integer()));

describe('recordOf', () => {
  it('accepts a string-keyed object whose every value passes, empty included, and keeps it as given', () => {
    expect(v.parse(days, {})).toEqual({});
    const value = { 'ad|alice': 7, 'workday|asmith': 0 };
    expect(v.parse(days, value)).toEqual(value);
  });

  it('refuses any value that does not pass, and anything that is not a plain record', () => {
    for (const input of [{ a: 1, b: 1.5 }, { a: '1' }, { a: null }, [1, 2], null, undefined, 7, 'text']) {
      expect(v.is(days, input), JSON.stringify(input) ?? String(input)).toBe(false);
    }
  });

  it('checks object values without stripping them', () => {
    const timings = recordOf(v.object({ expectedMs: v.number() }));
    expect(v.is(timings, { s1: { expectedMs: 'soon' } })).toBe(false);
    expect(v.parse(timings, { s1: { expectedMs: 5, extra: true } })).toEqual({ s1: { expectedMs: 5, extra: true } });
  });
});

import * as v from 'valibot';

/**
 * A string-keyed object whose every value passes `value`: what valibot's `record` checks, as a `custom` schema.
 * `record` cost the worker 0.7 kB, and an MV3 worker loads every byte of itself at each start (it cannot load code
 * lazily). Values are checked, not transformed: each stays as given (an object schema's key stripping and any
 * `transform` do not apply), so use it for values whose shape is all that matters.
 */
export function recordOf<TValue extends v.GenericSchema>(value: TValue) {
  return v.custom<Record<string, v.InferOutput<TValue>>>(
    (input) =>
      typeof input === 'object' && input !== null && !Array.isArray(input) && Object.values(input).every((entry) => v.is(value, entry)),
  );
}

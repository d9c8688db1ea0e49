/** An inclusive integer range the ISC API enforces, checked here first so mistakes get a clear message. */
export interface IntegerRange {
  min: number;
  max: number;
}

export interface FieldProblem {
  key: string;
  params: Array<string | number>;
}

/** A whole number typed into a form field, or the problem to show next to it. */
export function readInteger(text: string, range: IntegerRange): { ok: true; value: number } | { ok: false; problem: FieldProblem } {
  const trimmed = text.trim();
  const value = /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    return { ok: false, problem: { key: 'admin.validation.range', params: [range.min, range.max] } };
  }
  return { ok: true, value };
}

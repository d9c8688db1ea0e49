/**
 * The object without its undefined fields: what a JSON body or a message would drop anyway, dropped before it is
 * compared, merged or sent (`{ ...a, ...withoutUndefined(b) }` keeps a's value where b has none).
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

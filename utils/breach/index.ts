export { type BreachCheckOptions, checkPasswordBreach, DEFAULT_BREACH_ENDPOINT, DEFAULT_BREACH_TIMEOUT_MS, type FetchLike } from './check';
export { findSuffixCount, hashForRange, PREFIX_LENGTH } from './range';
export type { BreachResult, BreachUnavailableReason } from './result';
export { type BreachMessageKey, type BreachMode, type BreachVerdict, decideBreachVerdict } from './verdict';

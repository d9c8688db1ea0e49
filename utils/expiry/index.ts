export { detectExpiry } from './detect';
export type { ExpiryKind, ExpiryVerdict } from './types';

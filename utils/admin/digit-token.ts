import { type ApiVersion, YEAR_API_VERSIONS } from '@/utils/api/versions';
import { type FieldProblem, type IntegerRange, readInteger } from './limits';

export const DIGIT_TOKEN_LIMITS = {
  length: { min: 6, max: 18 },
  durationMinutes: { min: 1, max: 60 },
} as const satisfies Record<string, IntegerRange>;

export const DIGIT_TOKEN_DEFAULTS = { length: 6, durationMinutes: 5 } as const;

/** Longest user id the message protocol accepts. */
export const MAX_USER_ID_LENGTH = 200;

/**
 * Versions offered for a digit-token request. The per-service `v1` layout has it too, but it is not
 * released yet, so it is used only when it is the configured version.
 */
export const DIGIT_TOKEN_OFFERED_VERSIONS: readonly ApiVersion[] = ['beta', ...YEAR_API_VERSIONS];
const ALL_DIGIT_TOKEN_VERSIONS: readonly ApiVersion[] = [...DIGIT_TOKEN_OFFERED_VERSIONS, 'v1'];

export function supportsDigitToken(version: ApiVersion): boolean {
  return ALL_DIGIT_TOKEN_VERSIONS.includes(version);
}

/** The configured version when it has digit tokens, else v2024 (generally available, the oldest year-named one). */
export function digitTokenVersionFor(configured: ApiVersion): ApiVersion {
  return supportsDigitToken(configured) ? configured : 'v2024';
}

export interface DigitTokenDraft {
  userId: string;
  length: string;
  durationMinutes: string;
}

export interface DigitTokenInput {
  userId: string;
  length: number;
  durationMinutes: number;
}

export type DigitTokenField = keyof DigitTokenDraft;

export type DigitTokenValidation =
  | { ok: true; value: DigitTokenInput }
  | { ok: false; problems: Partial<Record<DigitTokenField, FieldProblem>> };

export function validateDigitTokenRequest(draft: DigitTokenDraft): DigitTokenValidation {
  const problems: Partial<Record<DigitTokenField, FieldProblem>> = {};
  const userId = draft.userId.trim();
  if (userId === '') problems.userId = { key: 'admin.validation.userIdRequired', params: [] };
  else if (userId.length > MAX_USER_ID_LENGTH) problems.userId = { key: 'admin.validation.userIdTooLong', params: [MAX_USER_ID_LENGTH] };
  const length = readInteger(draft.length, DIGIT_TOKEN_LIMITS.length);
  if (!length.ok) problems.length = length.problem;
  const duration = readInteger(draft.durationMinutes, DIGIT_TOKEN_LIMITS.durationMinutes);
  if (!duration.ok) problems.durationMinutes = duration.problem;
  if (!length.ok || !duration.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { userId, length: length.value, durationMinutes: duration.value } };
}

export interface Countdown {
  remainingMs: number;
  expired: boolean;
  /** `m:ss`, rounded up so the display reaches 0:00 exactly when the token expires. */
  text: string;
}

export function countdown(expiresAt: number, now: number): Countdown {
  const remainingMs = Math.max(0, expiresAt - now);
  const totalSeconds = Math.ceil(remainingMs / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return { remainingMs, expired: remainingMs === 0, text: `${minutes}:${String(seconds).padStart(2, '0')}` };
}

/**
 * When the token stops working, measured from before the request was sent: ISC starts the duration
 * when it issues the token, which is later, so the page never shows a token as valid after it expired.
 */
export function digitTokenExpiresAt(requestedAt: number, durationMinutes: number): number {
  return requestedAt + durationMinutes * 60_000;
}

import * as v from 'valibot';

/**
 * ISC password-management payloads (see shared/isc-api.md). Response schemas are tolerant of fields we do
 * not use (valibot's `object` drops them) and strict on the types of the fields we do; ISC documents almost
 * every field as optional and sends `null` for some, so optional fields accept null and come out as undefined.
 */

const optionalString = v.pipe(
  v.nullish(v.string()),
  v.transform((value) => value ?? undefined),
);
const optionalNumber = v.pipe(
  v.nullish(v.number()),
  v.transform((value) => value ?? undefined),
);
const optionalBoolean = v.pipe(
  v.nullish(v.boolean()),
  v.transform((value) => value ?? undefined),
);
// A default (not a transform) so the key is present and non-optional even when ISC omits it.
const stringList = v.nullish(v.array(v.string()), () => []);
/** v3/beta send date-time strings, v2024+ epoch milliseconds. */
const optionalTimestamp = v.pipe(
  v.nullish(v.union([v.string(), v.number()])),
  v.transform((value) => value ?? undefined),
);

export { API_VERSIONS, type ApiVersion } from './versions';

export const PasswordInfoQueryDTO = v.object({
  userName: v.optional(v.string()),
  sourceName: v.optional(v.string()),
});
export type PasswordInfoQueryDTO = v.InferOutput<typeof PasswordInfoQueryDTO>;

export const PasswordInfoAccount = v.object({
  accountId: optionalString,
  accountName: optionalString,
});
export type PasswordInfoAccount = v.InferOutput<typeof PasswordInfoAccount>;

export const PasswordInfo = v.object({
  identityId: optionalString,
  sourceId: optionalString,
  publicKeyId: optionalString,
  /** Base64 DER SubjectPublicKeyInfo (RSA). */
  publicKey: optionalString,
  accounts: v.nullish(v.array(PasswordInfoAccount), () => []),
  /** e.g. "passwordMinLength is 8". */
  policies: stringList,
});
export type PasswordInfo = v.InferOutput<typeof PasswordInfo>;

export const PasswordChangeRequest = v.object({
  identityId: v.string(),
  encryptedPassword: v.string(),
  publicKeyId: v.string(),
  accountId: v.string(),
  sourceId: v.string(),
});
export type PasswordChangeRequest = v.InferOutput<typeof PasswordChangeRequest>;

export const PasswordChangeState = v.picklist(['IN_PROGRESS', 'FINISHED', 'FAILED']);
export type PasswordChangeState = v.InferOutput<typeof PasswordChangeState>;

/**
 * A field ISC may omit, send as null, or fill with a value the spec does not list: anything that is not one
 * of the documented states reads as null ("not said"), never as a malformed answer.
 */
const readableState = v.pipe(
  v.optional(v.unknown(), null),
  v.transform((value): PasswordChangeState | null => (v.is(PasswordChangeState, value) ? value : null)),
);
const readableRequestId = v.pipe(
  v.optional(v.unknown(), null),
  v.transform((value): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null)),
);

/**
 * The 202 of set-password. The spec makes every field optional, and a 2xx means ISC accepted the change, so
 * this schema accepts any object: a missing or unknown state reads as null, a missing request id as null
 * (the change is then "accepted, not trackable", never "try again" — see client.setPassword).
 */
export const PasswordChangeResponse = v.object({
  requestId: readableRequestId,
  state: readableState,
});
export type PasswordChangeResponse = v.InferOutput<typeof PasswordChangeResponse>;

/**
 * The status of a change. Every field is optional in the spec; the beta example even uses another shape
 * (`status: "IN_PROCESS"`, `reqeustId`, `error`). `state` is null when the body does not say one of the
 * documented states: the tracker keeps such a change pending rather than guessing.
 */
export const PasswordStatus = v.pipe(
  v.object({
    requestId: readableRequestId,
    state: v.optional(v.unknown()),
    /** Only in the beta example: `status` where the schema says `state`. */
    status: v.optional(v.unknown()),
    errors: v.nullish(v.array(v.string()), () => []),
    sourceIds: v.nullish(v.array(v.string()), () => []),
  }),
  v.transform(({ requestId, state, status, errors, sourceIds }) => ({
    requestId,
    state: statusState(state ?? status),
    errors,
    sourceIds,
  })),
);
export type PasswordStatus = v.InferOutput<typeof PasswordStatus>;

/** The beta example's "IN_PROCESS" is the only other spelling SailPoint documents; it means in progress. */
function statusState(value: unknown): PasswordChangeState | null {
  if (value === 'IN_PROCESS') return 'IN_PROGRESS';
  return v.is(PasswordChangeState, value) ? value : null;
}

export const PasswordDigitTokenReset = v.object({
  /** The user's uid (login name). */
  userId: v.string(),
  length: v.optional(v.pipe(v.number(), v.integer(), v.minValue(6), v.maxValue(18))),
  durationMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type PasswordDigitTokenReset = v.InferOutput<typeof PasswordDigitTokenReset>;

export const PasswordDigitToken = v.object({
  /**
   * The schema says string, yet some spec examples send a number (9087713). A number is shown exactly as
   * received (its digits, unpadded): JSON numbers cannot carry leading zeros, so Rekey never invents any.
   */
  digitToken: v.union([
    v.pipe(v.string(), v.minLength(1)),
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(0),
      v.transform((value) => String(value)),
    ),
  ]),
  requestId: optionalString,
});
export type PasswordDigitToken = v.InferOutput<typeof PasswordDigitToken>;

export const PasswordOrgConfig = v.object({
  customInstructionsEnabled: optionalBoolean,
  digitTokenEnabled: optionalBoolean,
  digitTokenDurationMinutes: optionalNumber,
  digitTokenLength: optionalNumber,
});
export type PasswordOrgConfig = v.InferOutput<typeof PasswordOrgConfig>;

export const PasswordPolicyV3Dto = v.object({
  id: optionalString,
  name: optionalString,
  description: optionalString,
  dateCreated: optionalTimestamp,
  lastUpdated: optionalTimestamp,
  firstExpirationReminder: optionalNumber,
  accountIdMinWordLength: optionalNumber,
  accountNameMinWordLength: optionalNumber,
  minAlpha: optionalNumber,
  minCharacterTypes: optionalNumber,
  maxLength: optionalNumber,
  minLength: optionalNumber,
  maxRepeatedChars: optionalNumber,
  minLower: optionalNumber,
  minNumeric: optionalNumber,
  minSpecial: optionalNumber,
  minUpper: optionalNumber,
  passwordExpiration: optionalNumber,
  defaultPolicy: optionalBoolean,
  enablePasswdExpiration: optionalBoolean,
  requireStrongAuthn: optionalBoolean,
  requireStrongAuthOffNetwork: optionalBoolean,
  requireStrongAuthUntrustedGeographies: optionalBoolean,
  useAccountAttributes: optionalBoolean,
  useDictionary: optionalBoolean,
  useIdentityAttributes: optionalBoolean,
  validateAgainstAccountId: optionalBoolean,
  validateAgainstAccountName: optionalBoolean,
  created: optionalTimestamp,
  modified: optionalTimestamp,
  sourceIds: stringList,
});
export type PasswordPolicyV3Dto = v.InferOutput<typeof PasswordPolicyV3Dto>;

export const PasswordSyncGroup = v.object({
  id: optionalString,
  name: optionalString,
  passwordPolicyId: optionalString,
  sourceIds: stringList,
  created: optionalTimestamp,
  modified: optionalTimestamp,
});
export type PasswordSyncGroup = v.InferOutput<typeof PasswordSyncGroup>;

const ErrorMessage = v.object({
  locale: optionalString,
  localeOrigin: optionalString,
  text: optionalString,
});

/** ISC's error body. Parsed leniently: it only enriches an error that exists anyway. */
export const ErrorResponseDto = v.object({
  detailCode: optionalString,
  trackingId: optionalString,
  messages: v.nullish(v.array(ErrorMessage), () => []),
  causes: v.nullish(v.array(ErrorMessage), () => []),
});
export type ErrorResponseDto = v.InferOutput<typeof ErrorResponseDto>;

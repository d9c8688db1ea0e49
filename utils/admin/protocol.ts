import * as v from 'valibot';
import { API_VERSIONS } from '@/utils/api/types';
import { DIGIT_TOKEN_LIMITS, MAX_USER_ID_LENGTH } from './digit-token';
import { ORG_CONFIG_LIMITS } from './org-config';

/**
 * What the Administration section asks for. These run in the options page (utils/admin/commands.ts), over the
 * worker's `admin/request` relay; the limits repeat the API's, so a request the tenant would refuse with 400 is
 * never sent.
 */

const integerIn = (range: { min: number; max: number }) => v.pipe(v.number(), v.integer(), v.minValue(range.min), v.maxValue(range.max));
const empty = <T extends string>(type: T) => v.object({ type: v.literal(type) });

export const AdminCommandSchema = v.variant('type', [
  empty('admin/orgConfig/get'),
  v.object({
    type: v.literal('admin/orgConfig/save'),
    /** Whether the org config exists (PUT) or must be created (POST), as the last read said. */
    exists: v.boolean(),
    config: v.object({
      customInstructionsEnabled: v.boolean(),
      digitTokenEnabled: v.boolean(),
      digitTokenLength: integerIn(ORG_CONFIG_LIMITS.digitTokenLength),
      digitTokenDurationMinutes: integerIn(ORG_CONFIG_LIMITS.digitTokenDurationMinutes),
    }),
  }),
  v.object({
    type: v.literal('admin/digitToken'),
    userId: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_USER_ID_LENGTH)),
    length: integerIn(DIGIT_TOKEN_LIMITS.length),
    durationMinutes: integerIn(DIGIT_TOKEN_LIMITS.durationMinutes),
    /** Overrides the configured API version for this one request (v3 has no digit tokens). */
    version: v.optional(v.picklist(API_VERSIONS)),
  }),
  empty('admin/policies'),
  empty('admin/syncGroups'),
  empty('admin/checkAccess'),
  /** The tenant's sources, for the sources editor's "Add from Identity Security Cloud". */
  empty('admin/sources'),
]);

export type AdminCommand = v.InferOutput<typeof AdminCommandSchema>;
export type AdminCommandType = AdminCommand['type'];

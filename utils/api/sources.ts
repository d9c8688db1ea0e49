import * as v from 'valibot';

/**
 * ISC's `Source` as list-sources (`GET /sources`) returns it, reduced to what the options page's source
 * picker shows. The password subset of the OpenAPI documents does not include it; the fields follow the
 * `Source` model of the official sailpoint-api-client SDK (v3), where only `name`, `owner` and `connector`
 * are required. Everything else may be missing or null.
 */

const optional = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(
    v.nullish(schema),
    v.transform((value) => value ?? undefined),
  );

export const Source = v.object({
  id: optional(v.string()),
  name: v.string(),
  description: optional(v.string()),
  /** "Active Directory - Direct", "Workday", … */
  type: optional(v.string()),
  connectorName: optional(v.string()),
  /** A source takes password changes only with the PASSWORD feature. */
  features: v.nullish(v.array(v.string()), () => []),
  healthy: optional(v.boolean()),
});
export type Source = v.InferOutput<typeof Source>;

export const PASSWORD_FEATURE = 'PASSWORD';

import * as v from 'valibot';
import { API_VERSIONS, type ApiVersion } from '@/utils/api/versions';
import { isSecureUrl } from '@/utils/auth/endpoint-trust';
import { once } from '@/utils/lazy/once';

/**
 * Every user-configurable setting, with its default. The same keys are accepted from
 * enterprise policy (managed storage); see public/managed_schema.json and the README.
 */

export type { ApiVersion };
/** Defined once in utils/api/versions.ts (the options page's select and the managed schema follow it). */
export const apiVersions = API_VERSIONS;

export const paddings = ['pkcs1', 'oaep-sha256', 'oaep-sha1'] as const;
export type Padding = (typeof paddings)[number];

export const breachModes = ['off', 'warn', 'block'] as const;
export type BreachMode = (typeof breachModes)[number];

export const languages = ['', 'en', 'de', 'fr', 'es', 'nl', 'ja'] as const;

/**
 * The settings' schema, built on first use (an edit, stored or managed settings read): every worker start evaluates
 * this module, and most answer without reading settings.
 */
export const settingsSchema = once(() => {
  const sourceEntry = v.object({
    /** ISC source display name, as query-password-info expects it. */
    sourceName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
    /** What employees call it ("Windows sign-in"); defaults to the source name. */
    label: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
    /** Login name on that source when it differs from the token's user_name. */
    userName: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
    /** Systems that change with it (password sync group members, apps of a multi-application source). */
    alsoChanges: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)))),
  });

  /** Sign-in codes, tokens and hash prefixes go to these: https only, plain http only on loopback (the sandbox). */
  const secureUrl = v.pipe(v.string(), v.url(), v.check(isSecureUrl, 'use an https address'));
  const httpsUrlOrEmpty = v.union([v.literal(''), secureUrl]);

  return v.object({
    tenant: v.pipe(v.string(), v.trim(), v.maxLength(300)),
    clientId: v.pipe(v.string(), v.trim(), v.maxLength(200)),
    authorizeUrl: httpsUrlOrEmpty,
    tokenUrl: httpsUrlOrEmpty,
    apiVersion: v.picklist(apiVersions),
    padding: v.picklist(paddings),
    sources: v.pipe(v.array(sourceEntry), v.maxLength(50)),
    breachCheck: v.picklist(breachModes),
    breachEndpoint: secureUrl,
    expiryPagePatterns: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.maxLength(500))), v.maxLength(100)),
    reminderDays: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(90))), v.maxLength(10)),
    passwordInfoCacheMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60)),
    statusTimeoutMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)),
    snoozeHours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(720)),
    language: v.picklist(languages),
    allowClientCredentials: v.boolean(),
  });
});
export type Settings = v.InferOutput<ReturnType<typeof settingsSchema>>;
export type SourceEntry = Settings['sources'][number];
export type SettingKey = keyof Settings;

export const defaultSettings: Settings = {
  tenant: '',
  clientId: '',
  authorizeUrl: '',
  tokenUrl: '',
  apiVersion: 'v3',
  // ISC documents PKCS#1 v1.5 (openssl pkeyutl default, Java RSA/ECB/PKCS1Padding).
  padding: 'pkcs1',
  sources: [],
  breachCheck: 'warn',
  breachEndpoint: 'https://api.pwnedpasswords.com',
  expiryPagePatterns: [],
  reminderDays: [14, 7, 3, 1, 0],
  passwordInfoCacheMinutes: 5,
  statusTimeoutMinutes: 15,
  snoozeHours: 24,
  language: '',
  allowClientCredentials: true,
};

export const settingKeys = Object.keys(defaultSettings) as SettingKey[];

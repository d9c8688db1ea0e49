import * as v from 'valibot';
import { defaultSettings, type SettingKey, type Settings, settingKeys, settingsSchema } from './schema';

/**
 * Enterprise policy arrives through managed storage. A managed value always wins over the
 * user's; with `locked: true` the UI shows managed values as set by the organisation and
 * refuses edits to them.
 */
export interface EffectiveSettings {
  settings: Settings;
  /** Keys the organisation set. */
  managedKeys: SettingKey[];
  /** Keys the user may not change (managed keys when the policy is locked). */
  lockedKeys: SettingKey[];
  /** Managed values that failed validation; they are ignored and reported to the admin page. */
  invalidManagedKeys: string[];
}

/**
 * Where sign-in codes, tokens and password hashes go. When the organisation locks the tenant, these follow it:
 * the policy's values or the defaults, never a value someone typed (which could send them elsewhere).
 */
export const keysThatFollowTheTenant: readonly SettingKey[] = ['authorizeUrl', 'tokenUrl', 'breachEndpoint'];

export function resolveSettings(user: unknown, managed: unknown): EffectiveSettings {
  const policyLocks = isRecord(managed) && managed.locked === true;
  const tenantLocked = policyLocks && pickValid(managed, defaultSettings).validKeys.includes('tenant');
  const userValues =
    isRecord(user) && tenantLocked
      ? Object.fromEntries(Object.entries(user).filter(([key]) => !keysThatFollowTheTenant.includes(key as SettingKey)))
      : user;
  const base = pickValid(userValues, defaultSettings).values;
  const policy = pickValid(managed, base);
  const managedKeys = policy.validKeys;
  const lockedKeys = policyLocks ? [...managedKeys] : [];
  if (tenantLocked) for (const key of keysThatFollowTheTenant) if (!lockedKeys.includes(key)) lockedKeys.push(key);
  return {
    settings: policy.values,
    managedKeys,
    lockedKeys,
    invalidManagedKeys: policy.invalidKeys,
  };
}

/** Applies a user edit unless it touches a locked key; returns what was refused. */
export function applyUserEdit(
  current: Partial<Settings>,
  edit: Partial<Record<string, unknown>>,
  lockedKeys: readonly SettingKey[],
): { next: Partial<Settings>; refused: string[]; invalid: { key: string; issue: string }[] } {
  const next: Record<string, unknown> = { ...current };
  const refused: string[] = [];
  const invalid: { key: string; issue: string }[] = [];
  for (const [key, value] of Object.entries(edit)) {
    if (!isSettingKey(key)) {
      invalid.push({ key, issue: 'unknown setting' });
      continue;
    }
    if (lockedKeys.includes(key)) {
      refused.push(key);
      continue;
    }
    const result = v.safeParse(settingsSchema().entries[key], value);
    if (result.success) next[key] = result.output;
    else invalid.push({ key, issue: result.issues[0]?.message ?? 'invalid value' });
  }
  return { next: next as Partial<Settings>, refused, invalid };
}

function pickValid(input: unknown, fallback: Settings): { values: Settings; validKeys: SettingKey[]; invalidKeys: string[] } {
  const values: Record<string, unknown> = { ...fallback };
  const validKeys: SettingKey[] = [];
  const invalidKeys: string[] = [];
  if (!isRecord(input)) return { values: values as Settings, validKeys, invalidKeys };
  for (const key of settingKeys) {
    if (!(key in input) || input[key] === undefined) continue;
    const result = v.safeParse(settingsSchema().entries[key], input[key]);
    if (result.success) {
      values[key] = result.output;
      validKeys.push(key);
    } else {
      invalidKeys.push(key);
    }
  }
  return { values: values as Settings, validKeys, invalidKeys };
}

function isSettingKey(key: string): key is SettingKey {
  return (settingKeys as string[]).includes(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

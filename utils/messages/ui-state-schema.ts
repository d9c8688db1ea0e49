import * as v from 'valibot';
import { SettingsSchema, settingKeys } from '@/utils/settings/schema';
import type { UiState } from './views';

/**
 * The shape of `UiState`, for reading the snapshot the worker leaves in storage.local. Content scripts can write
 * that area, so the popup checks what it reads before it paints it; anything malformed is ignored (the worker's
 * own state arrives moments later over the page's port).
 */
const text = v.string();
const texts = v.array(v.string());
const nullableText = v.nullable(v.string());
const settingKey = v.picklist(settingKeys);

const ChangeViewSchema = v.object({
  id: text,
  submissionId: text,
  requestId: nullableText,
  sourceName: text,
  accountName: text,
  alsoChanges: texts,
  submittedAt: v.number(),
  settledAt: v.optional(v.number()),
  state: v.picklist(['pending', 'finished', 'failed', 'unknown', 'not-readable', 'not-found']),
  seen: v.boolean(),
  errors: texts,
  causes: v.array(v.object({ key: text, params: texts })),
});

export const UiStateSchema = v.object({
  settings: v.object({
    settings: SettingsSchema,
    managedKeys: v.array(settingKey),
    lockedKeys: v.array(settingKey),
    invalidManagedKeys: texts,
  }),
  configProblems: v.array(v.object({ key: v.picklist(['tenant', 'clientId', 'sources']), messageKey: text, managed: v.boolean() })),
  identity: v.nullable(
    v.object({
      identityId: nullableText,
      userName: nullableText,
      displayName: nullableText,
      tenant: nullableText,
      authorities: texts,
      scopes: texts,
      expiresAt: v.nullable(v.number()),
      mode: v.picklist(['oauth', 'client-credentials']),
    }),
  ),
  tracker: v.object({
    pending: v.array(ChangeViewSchema),
    history: v.array(ChangeViewSchema),
    badge: v.object({ pending: v.number(), failed: v.number() }),
    needsSignIn: v.boolean(),
  }),
  preselectSource: nullableText,
  missingTenantOrigins: texts,
  watchesBuiltInSites: v.boolean(),
});

export function parseUiState(value: unknown): UiState | null {
  const parsed = v.safeParse(UiStateSchema, value);
  return parsed.success ? (parsed.output as UiState) : null;
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyUserEdit, resolveSettings } from '@/utils/settings/effective';
import { settingsMigrations } from '@/utils/settings/migrations';
import { defaultSettings, settingKeys } from '@/utils/settings/schema';

describe('effective settings', () => {
  it('uses defaults when nothing is stored', () => {
    const { settings, managedKeys, lockedKeys } = resolveSettings(undefined, undefined);
    expect(settings).toEqual(defaultSettings);
    expect(managedKeys).toEqual([]);
    expect(lockedKeys).toEqual([]);
  });

  it('lets user values override defaults', () => {
    const { settings } = resolveSettings({ tenant: 'acme', apiVersion: 'v2025' }, undefined);
    expect(settings.tenant).toBe('acme');
    expect(settings.apiVersion).toBe('v2025');
  });

  it('lets managed values override user values and reports them as managed', () => {
    const { settings, managedKeys, lockedKeys } = resolveSettings({ tenant: 'mine', padding: 'oaep-sha256' }, { tenant: 'corp' });
    expect(settings.tenant).toBe('corp');
    expect(settings.padding).toBe('oaep-sha256');
    expect(managedKeys).toEqual(['tenant']);
    expect(lockedKeys).toEqual([]);
  });

  it('locks managed keys when the policy says locked', () => {
    const effective = resolveSettings({ breachCheck: 'off' }, { breachCheck: 'block', locked: true });
    expect(effective.settings.breachCheck).toBe('block');
    expect(effective.lockedKeys).toEqual(['breachCheck']);
    const edit = applyUserEdit({ breachCheck: 'off' }, { breachCheck: 'off', tenant: 'x' }, effective.lockedKeys);
    expect(edit.refused).toEqual(['breachCheck']);
    expect(edit.next.tenant).toBe('x');
  });

  it('ignores invalid managed values instead of breaking the extension', () => {
    const effective = resolveSettings({ apiVersion: 'beta' }, { apiVersion: 'v9', reminderDays: 'soon', tenant: 'corp' });
    expect(effective.settings.apiVersion).toBe('beta');
    expect(effective.settings.reminderDays).toEqual(defaultSettings.reminderDays);
    expect(effective.invalidManagedKeys.sort()).toEqual(['apiVersion', 'reminderDays']);
  });

  it('validates user edits with a reason', () => {
    const edit = applyUserEdit({}, { breachEndpoint: 'not a url', nonsense: 1, reminderDays: [7, 1] }, []);
    expect(edit.invalid.map((i) => i.key).sort()).toEqual(['breachEndpoint', 'nonsense']);
    expect(edit.next.reminderDays).toEqual([7, 1]);
  });
});

describe('settings migrations', () => {
  it('turns a v1 single source name into a source list', () => {
    expect(settingsMigrations[2]!({ sourceName: ' Active Directory ', tenant: 'acme' })).toEqual({
      tenant: 'acme',
      sources: [{ sourceName: 'Active Directory' }],
    });
  });
});

describe('managed storage schema', () => {
  const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/managed_schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
  };
  it('declares every setting and the lock switch', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...settingKeys, 'locked'].sort());
  });
});

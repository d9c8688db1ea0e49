import { useLayoutEffect, useState } from 'preact/hooks';
import { t, tk } from '@/components/i18n';
import type { Send } from '@/components/worker';
import { mayListSources } from '@/utils/admin/sources';
import { isLoopback, normalizeTenant } from '@/utils/auth/tenant';
import { builtInExpiryOrigins, parseExpirySites, permissionOrigin } from '@/utils/expiry/sites';
import type { UiState } from '@/utils/messages/views';
import { fromSettingsDraft, reminderDaysValid, type SettingsDraft, toSettingsDraft } from '@/utils/settings/form';
import { apiVersions, breachModes, languages, paddings, type SettingKey } from '@/utils/settings/schema';
import { hasSourceProblems, validateSourceDrafts } from '@/utils/settings/sources';
import { createAdminSend } from './admin/admin-send';
import { Field } from './Field';
import { SourcesEditor } from './sources/SourcesEditor';

export function SettingsForm({
  state,
  send,
  requestOrigins,
  onSaved,
}: {
  state: UiState;
  send: Send;
  requestOrigins: (origins: string[]) => Promise<boolean>;
  onSaved: () => void;
}) {
  const { settings, managedKeys, lockedKeys } = state.settings;
  const [draft, setDraft] = useState<SettingsDraft>(() => toSettingsDraft(settings));
  const [errors, setErrors] = useState<Partial<Record<SettingKey, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [showSourceProblems, setShowSourceProblems] = useState(false);
  // Bumped by a refused save: the first field that needs attention takes focus in the same commit
  // that marks it (layout effect), with its explanation as its description.
  const [focusFirstProblem, setFocusFirstProblem] = useState(0);
  useLayoutEffect(() => {
    if (focusFirstProblem > 0) document.querySelector<HTMLElement>('.settings [aria-invalid="true"]')?.focus();
  }, [focusFirstProblem]);

  const managed = (key: SettingKey) => managedKeys.includes(key);
  const locked = (key: SettingKey) => lockedKeys.includes(key);
  const bind = (key: Exclude<keyof SettingsDraft, 'sources'>) => ({
    id: `setting-${key}`,
    value: String(draft[key]),
    disabled: locked(key),
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `setting-${key}-error` : undefined,
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const fieldProps = (key: SettingKey, label: string, hint?: string) => ({
    id: `setting-${key}`,
    label,
    ...(hint ? { hint } : {}),
    managed: managed(key),
    locked: locked(key),
    error: errors[key],
  });

  async function onSubmit(event: Event) {
    event.preventDefault();
    setStatus(null);
    const nextErrors: Partial<Record<SettingKey, string>> = {};
    const tenant = draft.tenant.trim() === '' ? null : normalizeTenant(draft.tenant);
    if (tenant && !tenant.ok) nextErrors.tenant = tk({ key: tenant.messageKey, params: tenant.params });
    const edit = fromSettingsDraft(draft);
    if (!reminderDaysValid(edit.reminderDays)) nextErrors.reminderDays = t('options.reminderDaysInvalid');
    const sourcesInvalid = !managed('sources') && hasSourceProblems(validateSourceDrafts(draft.sources));
    setShowSourceProblems(sourcesInvalid);
    if (Object.keys(nextErrors).length > 0 || sourcesInvalid) {
      setErrors(nextErrors);
      setStatus(t('options.fixErrors'));
      setFocusFirstProblem((n) => n + 1);
      return;
    }
    // One request for everything this save needs: the tenant and the watched sign-in pages.
    const tenantOrigins = tenant?.ok && !isLoopback(tenant.apiBaseUrl) ? tenant.origins : [];
    const pageOrigins = parseExpirySites(edit.expiryPagePatterns).map((site) => permissionOrigin(site.pattern));
    const wanted = [...new Set([...tenantOrigins, ...pageOrigins])];
    if (wanted.length > 0 && !(await requestOrigins(wanted))) {
      setErrors({
        ...(tenantOrigins.length > 0 ? { tenant: t('options.permissionDeclined') } : {}),
        ...(pageOrigins.length > 0 ? { expiryPagePatterns: t('options.pagesPermissionDeclined') } : {}),
      });
      setStatus(t('options.fixErrors'));
      return;
    }
    // Policy-set sources are shown read-only: the user's copy of them would only shadow the next policy.
    const userEdit = Object.fromEntries(
      Object.entries(edit).filter(([key]) => !locked(key as SettingKey) && !(key === 'sources' && managed('sources'))),
    );
    const result = await send({ type: 'settings/update', edit: userEdit });
    const serverErrors: Partial<Record<SettingKey, string>> = {};
    for (const problem of result.invalid) serverErrors[problem.key as SettingKey] = t('options.invalidValue', [problem.issue]);
    setErrors(serverErrors);
    setStatus(result.invalid.length > 0 ? t('options.fixErrors') : t('options.saved'));
    if (result.invalid.length === 0) onSaved();
  }

  return (
    <form class="settings" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>{t('options.connection')}</legend>
        <Field {...fieldProps('tenant', t('options.tenant'), t('options.tenantHint'))}>
          <input type="text" spellcheck={false} {...bind('tenant')} />
        </Field>
        <Field {...fieldProps('clientId', t('options.clientId'), t('options.clientIdHint'))}>
          <input type="text" spellcheck={false} {...bind('clientId')} />
        </Field>
        <Field {...fieldProps('apiVersion', t('options.apiVersion'), t('options.apiVersionHint'))}>
          <select {...bind('apiVersion')}>
            {apiVersions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </Field>
        <details>
          <summary>{t('options.advanced')}</summary>
          <Field {...fieldProps('authorizeUrl', t('options.authorizeUrl'), t('options.discoveryHint'))}>
            <input type="url" {...bind('authorizeUrl')} />
          </Field>
          <Field {...fieldProps('tokenUrl', t('options.tokenUrl'), t('options.discoveryHint'))}>
            <input type="url" {...bind('tokenUrl')} />
          </Field>
          <Field {...fieldProps('passwordInfoCacheMinutes', t('options.cacheMinutes'))}>
            <input
              type="number"
              min={0}
              max={60}
              {...bind('passwordInfoCacheMinutes')}
              onInput={(e) => setDraft({ ...draft, passwordInfoCacheMinutes: Number(e.currentTarget.value) })}
            />
          </Field>
          <Field {...fieldProps('statusTimeoutMinutes', t('options.statusTimeout'))}>
            <input
              type="number"
              min={1}
              max={120}
              {...bind('statusTimeoutMinutes')}
              onInput={(e) => setDraft({ ...draft, statusTimeoutMinutes: Number(e.currentTarget.value) })}
            />
          </Field>
        </details>
      </fieldset>

      <fieldset>
        <legend>{t('options.passwords')}</legend>
        <p class="small muted">{t('options.sourcesHint')}</p>
        {managed('sources') && <p class="small managed-note">{locked('sources') ? t('options.managedLocked') : t('options.managed')}</p>}
        <SourcesEditor
          rows={draft.sources}
          onChange={(sources) => setDraft({ ...draft, sources })}
          managed={managed('sources')}
          locked={locked('sources')}
          showAllProblems={showSourceProblems}
          listSources={
            mayListSources(state.identity)
              ? () => createAdminSend(send, state.settings.settings.apiVersion)({ type: 'admin/sources' })
              : null
          }
        />
        {errors.sources && (
          <p class="small field-error" role="alert" id="setting-sources-error">
            {errors.sources}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('options.security')}</legend>
        <Field {...fieldProps('padding', t('options.padding'), t('options.paddingHint'))}>
          <select {...bind('padding')}>
            {paddings.map((p) => (
              <option key={p} value={p}>
                {t(`options.padding_${p.replace('-', '_')}` as 'options.padding_pkcs1')}
              </option>
            ))}
          </select>
        </Field>
        <Field {...fieldProps('breachCheck', t('options.breachCheck'), t('options.breachCheckHint'))}>
          <select {...bind('breachCheck')}>
            {breachModes.map((m) => (
              <option key={m} value={m}>
                {t(`options.breach_${m}` as 'options.breach_off')}
              </option>
            ))}
          </select>
        </Field>
        <Field {...fieldProps('breachEndpoint', t('options.breachEndpoint'))}>
          <input type="url" {...bind('breachEndpoint')} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('options.reminders')}</legend>
        <div class="field" data-testid="built-in-sites">
          <p class="small">{state.watchesBuiltInSites ? t('options.watchingBuiltIn') : t('options.watchBuiltInHint')}</p>
          {!state.watchesBuiltInSites && (
            <button
              type="button"
              class="button"
              onClick={() => void requestOrigins(builtInExpiryOrigins()).then((granted) => granted && onSaved())}
            >
              {t('options.watchBuiltIn')}
            </button>
          )}
        </div>
        <Field {...fieldProps('expiryPagePatterns', t('options.expiryPatterns'), t('options.expiryPatternsHint'))}>
          <textarea rows={3} spellcheck={false} {...bind('expiryPagePatterns')} />
        </Field>
        <Field {...fieldProps('reminderDays', t('options.reminderDays'), t('options.reminderDaysHint'))}>
          <input type="text" {...bind('reminderDays')} />
        </Field>
        <Field {...fieldProps('snoozeHours', t('options.snoozeHours'))}>
          <input
            type="number"
            min={1}
            max={720}
            {...bind('snoozeHours')}
            onInput={(e) => setDraft({ ...draft, snoozeHours: Number(e.currentTarget.value) })}
          />
        </Field>
        <Field {...fieldProps('language', t('options.language'))}>
          <select {...bind('language')}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l === '' ? t('options.languageBrowser') : l}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>

      <div class="row">
        <button type="submit" class="button button-primary" data-testid="save-settings">
          {t('options.save')}
        </button>
        <p role="status" aria-live="polite" data-testid="settings-status">
          {status}
        </p>
      </div>
    </form>
  );
}

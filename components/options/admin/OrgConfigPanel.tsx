import { useEffect, useState } from 'preact/hooks';
import { ErrorNotice } from '@/components/ErrorNotice';
import { t } from '@/components/i18n';
import { ADMIN_ROLE, REQUIRED_SCOPES } from '@/utils/admin/capabilities';
import { explainAdminError } from '@/utils/admin/explain';
import type { FieldProblem } from '@/utils/admin/limits';
import { draftFromValues, ORG_CONFIG_LIMITS, type OrgConfigDraft, type OrgConfigField, validateOrgConfig } from '@/utils/admin/org-config';
import { LoadStatus } from './LoadStatus';
import { NumberField } from './NumberField';
import { useAction } from './useAction';
import { type Send, useLoad } from './useLoad';

function Checkbox({
  id,
  label,
  checked,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div class="admin-checkbox">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

/** View, create (POST, when the tenant has none yet) or edit (PUT) the password org config. */
export function OrgConfigPanel({ send, canWrite }: { send: Send; canWrite: boolean }) {
  const loaded = useLoad(() => send({ type: 'admin/orgConfig/get' }));
  const [draft, setDraft] = useState<OrgConfigDraft | null>(null);
  const [problems, setProblems] = useState<Partial<Record<OrgConfigField, FieldProblem>>>({});
  const saving = useAction();
  const [status, setStatus] = useState<string | null>(null);
  const view = loaded.state.status === 'ready' ? loaded.state.value : null;

  useEffect(() => {
    if (view) setDraft(draftFromValues(view.config));
  }, [view]);

  async function save(event: Event) {
    event.preventDefault();
    if (!draft || !view) return;
    setStatus(null);
    saving.reset();
    const checked = validateOrgConfig(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setStatus(t('admin.orgConfig.fixErrors'));
      return;
    }
    setProblems({});
    await saving.run(
      () => send({ type: 'admin/orgConfig/save', exists: view.exists, config: checked.value }),
      (saved) => {
        loaded.set(saved);
        setStatus(view.exists ? t('admin.orgConfig.saved') : t('admin.orgConfig.created'));
      },
    );
  }

  const update = (patch: Partial<OrgConfigDraft>) => setDraft((current) => current && { ...current, ...patch });
  const readOnly = !canWrite || saving.busy;

  return (
    <section class="admin-panel" aria-labelledby="admin-org-config-title" data-testid="admin-org-config">
      <h3 id="admin-org-config-title">{t('admin.orgConfig.title')}</h3>
      <LoadStatus load={loaded} operation="orgConfigRead" />
      {view && draft && (
        <form onSubmit={(e) => void save(e)} noValidate data-exists={String(view.exists)}>
          {!view.exists && (
            <p class="notice notice-info" data-testid="org-config-absent">
              {t('admin.orgConfig.notCreated')}
            </p>
          )}
          <div class="admin-form">
            <Checkbox
              id="org-digit-enabled"
              label={t('admin.orgConfig.digitTokenEnabled')}
              checked={draft.digitTokenEnabled}
              disabled={readOnly}
              onChange={(checked) => update({ digitTokenEnabled: checked })}
            />
            <NumberField
              id="org-digit-length"
              label={t('admin.orgConfig.digitTokenLength')}
              value={draft.digitTokenLength}
              range={ORG_CONFIG_LIMITS.digitTokenLength}
              problem={problems.digitTokenLength}
              disabled={readOnly}
              onInput={(value) => update({ digitTokenLength: value })}
            />
            <NumberField
              id="org-digit-duration"
              label={t('admin.orgConfig.digitTokenDuration')}
              value={draft.digitTokenDurationMinutes}
              range={ORG_CONFIG_LIMITS.digitTokenDurationMinutes}
              problem={problems.digitTokenDurationMinutes}
              disabled={readOnly}
              onInput={(value) => update({ digitTokenDurationMinutes: value })}
            />
            <Checkbox
              id="org-custom-instructions"
              label={t('admin.orgConfig.customInstructionsEnabled')}
              checked={draft.customInstructionsEnabled}
              disabled={readOnly}
              onChange={(checked) => update({ customInstructionsEnabled: checked })}
            />
          </div>
          {canWrite ? (
            <div class="row">
              <button type="submit" class="button button-primary" disabled={saving.busy} data-testid="org-config-save">
                {saving.busy ? t('admin.orgConfig.saving') : view.exists ? t('admin.orgConfig.save') : t('admin.orgConfig.create')}
              </button>
              <p role="status" aria-live="polite" data-testid="org-config-status">
                {status}
              </p>
            </div>
          ) : (
            <p class="small muted">{t('admin.orgConfig.readOnly', [REQUIRED_SCOPES.orgConfigWrite.join(', '), ADMIN_ROLE])}</p>
          )}
        </form>
      )}
      {saving.error && (
        <ErrorNotice error={saving.error} text={explainAdminError('orgConfigWrite', saving.error)} audience="admin" testId="admin-error" />
      )}
    </section>
  );
}

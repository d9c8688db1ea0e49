import type { ComponentChildren } from 'preact';
import { t } from '@/components/i18n';

/** A labelled control that says when the organisation set (and maybe locked) its value. */
export function Field({
  id,
  label,
  hint,
  managed,
  locked,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  managed: boolean;
  locked: boolean;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class="field" data-field={id}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="small muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {managed && <p class="small managed-note">{locked ? t('options.managedLocked') : t('options.managed')}</p>}
      {error && (
        <p class="small field-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

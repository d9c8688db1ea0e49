import { t, tk } from '@/components/i18n';
import { fromSourceDraft, previewSource, type SourceDraft, type SourceField, type SourceProblem } from '@/utils/settings/sources';

export const rowFieldId = (rowKey: string, field: SourceField | 'title' | 'up' | 'down' | 'remove') => `source-${rowKey}-${field}`;

/** The row's name in headings and button labels: what the popup will call it. */
export function rowName(draft: SourceDraft): string {
  return draft.sourceName.trim() === '' && draft.label.trim() === '' ? t('options.sourceNew') : previewSource(fromSourceDraft(draft)).title;
}

const FIELDS: { field: SourceField; label: () => string; hint: () => string }[] = [
  { field: 'sourceName', label: () => t('options.sourceName'), hint: () => t('options.sourceNameHint') },
  { field: 'label', label: () => t('options.sourceLabel'), hint: () => t('options.sourceLabelHint') },
  { field: 'userName', label: () => t('options.sourceUserName'), hint: () => t('options.sourceUserNameHint') },
  { field: 'alsoChanges', label: () => t('options.sourceAlsoChanges'), hint: () => t('options.sourceAlsoChangesHint') },
];

export interface SourceRowProps {
  rowKey: string;
  index: number;
  count: number;
  draft: SourceDraft;
  /** Problems to show now (the editor hides those of fields nobody has left yet). */
  problems: SourceProblem[];
  onEdit: (field: SourceField, value: string) => void;
  onLeave: (field: SourceField) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One password offered: four named fields, and buttons to move or remove it. */
export function SourceRow({ rowKey, index, count, draft, problems, onEdit, onLeave, onMove, onRemove }: SourceRowProps) {
  const name = rowName(draft);
  const titleId = rowFieldId(rowKey, 'title');
  return (
    <li class="source-row" aria-labelledby={titleId} data-testid="source-row" data-source={draft.sourceName.trim()}>
      <h4 id={titleId} tabIndex={-1}>
        {t('options.sourceRow', [index + 1])} <span class="source-row-name">{name}</span>
      </h4>
      <div class="source-fields">
        {FIELDS.map(({ field, label, hint }) => {
          const id = rowFieldId(rowKey, field);
          const problem = problems.find((p) => p.field === field);
          return (
            <div class="field" key={field} data-field={field}>
              <label for={id}>
                {label()}
                {field === 'sourceName' && <span aria-hidden="true"> *</span>}
              </label>
              <input
                id={id}
                type="text"
                spellcheck={false}
                value={draft[field]}
                required={field === 'sourceName'}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-error ${id}-hint` : `${id}-hint`}
                onInput={(e) => onEdit(field, e.currentTarget.value)}
                onBlur={() => onLeave(field)}
              />
              <p class="small muted" id={`${id}-hint`}>
                {hint()}
              </p>
              {problem && (
                <p class="small field-error" id={`${id}-error`} data-testid="source-error">
                  {tk({ key: problem.messageKey, params: problem.params })}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div class="row source-actions">
        <button type="button" class="button" id={rowFieldId(rowKey, 'up')} disabled={index === 0} onClick={() => onMove(index - 1)}>
          {t('options.moveSourceUp', [name])}
        </button>
        <button
          type="button"
          class="button"
          id={rowFieldId(rowKey, 'down')}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        >
          {t('options.moveSourceDown', [name])}
        </button>
        <button type="button" class="button" id={rowFieldId(rowKey, 'remove')} onClick={onRemove}>
          {t('options.removeSource', [name])}
        </button>
      </div>
    </li>
  );
}

/** A row the organisation set by policy: shown, not editable, and said so. */
export function LockedSourceRow({ index, draft, locked }: { index: number; draft: SourceDraft; locked: boolean }) {
  const entry = fromSourceDraft(draft);
  const titleId = `source-policy-${index}-title`;
  const rows: [string, string][] = [
    [t('options.sourceName'), entry.sourceName],
    [t('options.sourceLabel'), entry.label ?? ''],
    [t('options.sourceUserName'), entry.userName ?? ''],
    [t('options.sourceAlsoChanges'), (entry.alsoChanges ?? []).join(', ')],
  ];
  return (
    <li
      class="source-row source-row-locked"
      aria-labelledby={titleId}
      data-testid="source-row"
      data-locked="true"
      data-source={entry.sourceName}
    >
      <h4 id={titleId}>
        {t('options.sourceRow', [index + 1])} <span class="source-row-name">{rowName(draft)}</span>
      </h4>
      <dl class="source-fields">
        {rows
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <div class="field" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <p class="small managed-note">{locked ? t('options.managedLocked') : t('options.managed')}</p>
    </li>
  );
}

import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { AdminSourcesView, AdminSourceView } from '@/utils/admin/sources';
import {
  draftsToAdd,
  emptySourceDraft,
  fromSourceDraft,
  isBlankDraft,
  moveItem,
  type SourceDraft,
  type SourceField,
  validateSourceDrafts,
} from '@/utils/settings/sources';
import { SourcePicker } from './SourcePicker';
import { LockedSourceRow, rowFieldId, rowName, SourceRow } from './SourceRow';
import { SourcesPreview } from './SourcesPreview';

export interface SourcesEditorProps {
  rows: SourceDraft[];
  onChange: (rows: SourceDraft[]) => void;
  /** The organisation set the sources by policy: its rows are shown, not edited. */
  managed: boolean;
  locked: boolean;
  /** After a save attempt every problem shows, also on fields nobody has visited. */
  showAllProblems: boolean;
  /** Lists the tenant's sources; null when this sign-in may not (the picker is then not offered). */
  listSources: (() => Promise<AdminSourcesView>) | null;
}

let nextKey = 0;
const newKey = () => `r${++nextKey}`;

/**
 * The passwords offered in the popup, as a list of rows with named fields: add, remove, reorder,
 * problems explained under the field they concern, and a preview of the popup's choice screen.
 */
export function SourcesEditor({ rows, onChange, managed, locked, showAllProblems, listSources }: SourcesEditorProps) {
  // Stable keys per row, so focus and typed text stay with their row when rows move.
  const keys = useRef<string[]>([]);
  if (keys.current.length !== rows.length) keys.current = rows.map(() => newKey());
  const [visited, setVisited] = useState<Set<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [pickerRefused, setPickerRefused] = useState(false);

  const problems = useMemo(() => validateSourceDrafts(rows), [rows]);
  const preview = useMemo(
    () => rows.filter((row, index) => !isBlankDraft(row) && problems[index]?.length === 0).map(fromSourceDraft),
    [rows, problems],
  );

  // Layout effect: focus moves in the same commit as the rows, before anything (a click, a test) looks.
  useLayoutEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  if (managed) {
    return (
      <div class="sources-editor" data-testid="sources-editor" data-managed="true">
        <ol class="source-rows" aria-label={t('options.sources')}>
          {rows.map((row, index) => (
            <LockedSourceRow key={`policy-${index}`} index={index} draft={row} locked={locked} />
          ))}
        </ol>
        <SourcesPreview sources={preview} />
      </div>
    );
  }

  const edit = (index: number, field: SourceField, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));

  const add = () => {
    const key = newKey();
    keys.current = [...keys.current, key];
    onChange([...rows, emptySourceDraft()]);
    setFocusId(rowFieldId(key, 'sourceName'));
  };

  const remove = (index: number) => {
    const name = rowName(rows[index] as SourceDraft);
    keys.current = keys.current.filter((_, i) => i !== index);
    onChange(rows.filter((_, i) => i !== index));
    setAnnouncement(t('options.sourceRemoved', [name]));
    // Focus goes to the row that took its place, or to "Add a password" after the last one.
    const next = keys.current[Math.min(index, keys.current.length - 1)];
    setFocusId(next ? rowFieldId(next, 'title') : 'add-source');
  };

  const move = (from: number, to: number) => {
    const key = keys.current[from] as string;
    keys.current = moveItem(keys.current, from, to);
    onChange(moveItem(rows, from, to));
    setAnnouncement(t('options.sourceMoved', [rowName(rows[from] as SourceDraft), to + 1, rows.length]));
    // The button pressed stays focused unless it just became disabled at either end.
    const up = to < from;
    const atEnd = up ? to === 0 : to === rows.length - 1;
    setFocusId(rowFieldId(key, up === atEnd ? 'down' : 'up'));
  };

  const addPicked = (picked: AdminSourceView[]) => {
    const added = draftsToAdd(
      rows.map((row) => row.sourceName),
      picked.map((source) => ({ sourceName: source.name, ...(source.alsoChanges.length > 0 ? { alsoChanges: source.alsoChanges } : {}) })),
    );
    const addedKeys = added.map(() => newKey());
    keys.current = [...keys.current, ...addedKeys];
    onChange([...rows, ...added]);
    setPicking(false);
    setAnnouncement(t('options.pickerAdded', [added.map((row) => row.sourceName).join(', ')]));
    setFocusId(addedKeys[0] ? rowFieldId(addedKeys[0], 'title') : 'pick-sources');
  };

  const visibleProblems = (index: number) => {
    const key = keys.current[index] as string;
    return (problems[index] ?? []).filter((problem) => showAllProblems || visited.has(`${key}:${problem.field}`));
  };

  return (
    <div class="sources-editor" data-testid="sources-editor">
      {rows.length > 0 && (
        <ol class="source-rows" aria-label={t('options.sources')}>
          {rows.map((row, index) => {
            const key = keys.current[index] as string;
            return (
              <SourceRow
                key={key}
                rowKey={key}
                index={index}
                count={rows.length}
                draft={row}
                problems={visibleProblems(index)}
                onEdit={(field, value) => edit(index, field, value)}
                onLeave={(field) => setVisited((now) => new Set(now).add(`${key}:${field}`))}
                onMove={(to) => move(index, to)}
                onRemove={() => remove(index)}
              />
            );
          })}
        </ol>
      )}
      <div class="row">
        <button type="button" class="button" id="add-source" onClick={add} data-testid="add-source">
          {t('options.addSource')}
        </button>
        {listSources && !pickerRefused && (
          <button
            type="button"
            class="button"
            id="pick-sources"
            aria-expanded={picking}
            aria-controls={picking ? 'source-picker' : undefined}
            onClick={() => setPicking(!picking)}
            data-testid="pick-sources"
          >
            {t('options.pickSources')}
          </button>
        )}
      </div>
      {listSources && picking && (
        <SourcePicker
          listSources={listSources}
          offered={rows.map((row) => row.sourceName)}
          onAdd={addPicked}
          onClose={() => {
            setPicking(false);
            setFocusId(pickerRefused ? 'add-source' : 'pick-sources');
          }}
          onRefused={() => setPickerRefused(true)}
        />
      )}
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="sources-announcement">
        {announcement}
      </p>
      <SourcesPreview sources={preview} />
    </div>
  );
}

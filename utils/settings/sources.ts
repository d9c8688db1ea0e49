import type { SourceEntry } from './schema';

/**
 * The passwords offered in the popup, as the options page edits them: one row per source with named
 * fields. Pure (no DOM, no extension globals) so the rules are tested in Node and shared by the editor,
 * its preview and the "Add from Identity Security Cloud" picker.
 */

/** One editable row. `alsoChanges` stays text (comma separated) while it is typed. */
export interface SourceDraft {
  sourceName: string;
  label: string;
  userName: string;
  alsoChanges: string;
}

export type SourceField = keyof SourceDraft;

/** A plain-language problem with one field of one row: render with `t(messageKey, params)`. */
export interface SourceProblem {
  field: SourceField;
  messageKey: SourceProblemKey;
  params: string[];
}

export type SourceProblemKey =
  | 'options.sourceNameRequired'
  | 'options.sourceNameTooLong'
  | 'options.sourceNameDuplicate'
  | 'options.sourceLabelTooLong'
  | 'options.sourceUserNameTooLong'
  | 'options.sourceAlsoTooLong'
  | 'options.sourceAlsoTooMany';

/** The schema's limits (SourceEntrySchema), restated so the editor can explain them before saving. */
export const SOURCE_LIMITS = {
  rows: 50,
  sourceName: 200,
  label: 100,
  userName: 200,
  alsoChangesItem: 100,
  // password/submit carries at most 20 names; more could never be sent with a change.
  alsoChangesCount: 20,
} as const;

export const emptySourceDraft = (): SourceDraft => ({ sourceName: '', label: '', userName: '', alsoChanges: '' });

export function toSourceDraft(entry: SourceEntry): SourceDraft {
  return {
    sourceName: entry.sourceName,
    label: entry.label ?? '',
    userName: entry.userName ?? '',
    alsoChanges: (entry.alsoChanges ?? []).join(', '),
  };
}

export function splitAlsoChanges(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The setting value for one row; empty optional fields are left out, as the schema expects. */
export function fromSourceDraft(draft: SourceDraft): SourceEntry {
  const label = draft.label.trim();
  const userName = draft.userName.trim();
  const alsoChanges = splitAlsoChanges(draft.alsoChanges);
  return {
    sourceName: draft.sourceName.trim(),
    ...(label ? { label } : {}),
    ...(userName ? { userName } : {}),
    ...(alsoChanges.length > 0 ? { alsoChanges } : {}),
  };
}

/** A row nobody typed into is not a mistake: it is dropped on save. */
export function isBlankDraft(draft: SourceDraft): boolean {
  return Object.values(draft).every((value) => value.trim() === '');
}

export function sourcesFromDrafts(drafts: readonly SourceDraft[]): SourceEntry[] {
  return drafts.filter((draft) => !isBlankDraft(draft)).map(fromSourceDraft);
}

/** Source names are matched without regard to case, as ISC matches them in query-password-info. */
const sameSource = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Problems per row (same order as `drafts`), empty where the row is fine. */
export function validateSourceDrafts(drafts: readonly SourceDraft[]): SourceProblem[][] {
  return drafts.map((draft, index) => {
    if (isBlankDraft(draft)) return [];
    const problems: SourceProblem[] = [];
    const problem = (field: SourceField, messageKey: SourceProblemKey, params: string[] = []) =>
      problems.push({ field, messageKey, params });
    const name = draft.sourceName.trim();
    if (name === '') problem('sourceName', 'options.sourceNameRequired');
    else if (name.length > SOURCE_LIMITS.sourceName) problem('sourceName', 'options.sourceNameTooLong', [String(SOURCE_LIMITS.sourceName)]);
    // The popup tells its cards apart by source name: a second row for the same source would never show.
    else if (drafts.slice(0, index).some((earlier) => !isBlankDraft(earlier) && sameSource(earlier.sourceName, name))) {
      problem('sourceName', 'options.sourceNameDuplicate', [name]);
    }
    if (draft.label.trim().length > SOURCE_LIMITS.label) problem('label', 'options.sourceLabelTooLong', [String(SOURCE_LIMITS.label)]);
    if (draft.userName.trim().length > SOURCE_LIMITS.userName) {
      problem('userName', 'options.sourceUserNameTooLong', [String(SOURCE_LIMITS.userName)]);
    }
    const also = splitAlsoChanges(draft.alsoChanges);
    const long = also.find((item) => item.length > SOURCE_LIMITS.alsoChangesItem);
    if (long) problem('alsoChanges', 'options.sourceAlsoTooLong', [long.slice(0, 30), String(SOURCE_LIMITS.alsoChangesItem)]);
    else if (also.length > SOURCE_LIMITS.alsoChangesCount) {
      problem('alsoChanges', 'options.sourceAlsoTooMany', [String(SOURCE_LIMITS.alsoChangesCount)]);
    }
    return problems;
  });
}

export const hasSourceProblems = (problems: readonly SourceProblem[][]) => problems.some((row) => row.length > 0);

/** What the popup's card for this entry shows before its accounts load (see ChooseTarget). */
export interface SourcePreview {
  title: string;
  /** The source name under the title when a label replaces it. */
  subtitle: string | null;
  alsoChanges: string[];
}

export function previewSource(entry: SourceEntry): SourcePreview {
  const title = entry.label || entry.sourceName;
  return {
    title,
    subtitle: entry.label && entry.label !== entry.sourceName ? entry.sourceName : null,
    alsoChanges: entry.alsoChanges ?? [],
  };
}

/** Moves one row (add/remove/reorder keep every other row where it was). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** Source names from `picked` not yet offered, as new rows (the picker's "Add" after a choice). */
export function draftsToAdd(existing: readonly string[], picked: readonly SourceEntry[]): SourceDraft[] {
  const seen = [...existing];
  const added: SourceDraft[] = [];
  for (const entry of picked) {
    if (seen.some((name) => sameSource(name, entry.sourceName))) continue;
    seen.push(entry.sourceName);
    added.push(toSourceDraft(entry));
  }
  return added;
}

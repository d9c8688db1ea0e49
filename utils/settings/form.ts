import type { Settings } from './schema';
import { type SourceDraft, sourcesFromDrafts, toSourceDraft } from './sources';

/**
 * The options page's form state and its conversions to and from settings. The page edits lists as
 * text (one pattern per line, days separated by commas) and sources as rows; these functions are the
 * only place that turns one into the other, so they are tested here rather than through the DOM.
 */

export type SettingsDraft = Omit<Settings, 'sources' | 'expiryPagePatterns' | 'reminderDays'> & {
  sources: SourceDraft[];
  expiryPagePatterns: string;
  reminderDays: string;
};

export function formatLines(lines: readonly string[]): string {
  return lines.join('\n');
}

/** One entry per non-empty line, trimmed. */
export function parseLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function formatReminderDays(days: readonly number[]): string {
  return days.join(', ');
}

/** Days separated by commas and/or spaces; anything that is not a number comes out as NaN for validation to catch. */
export function parseReminderDays(text: string): number[] {
  return text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((day) => Number(day));
}

export function reminderDaysValid(days: readonly number[]): boolean {
  return days.every((day) => Number.isInteger(day) && day >= 0 && day <= 90);
}

export function toSettingsDraft(settings: Settings): SettingsDraft {
  return {
    ...settings,
    sources: settings.sources.map(toSourceDraft),
    expiryPagePatterns: formatLines(settings.expiryPagePatterns),
    reminderDays: formatReminderDays(settings.reminderDays),
  };
}

/** The settings edit a draft stands for (still to be validated by the worker's schema). */
export function fromSettingsDraft(draft: SettingsDraft): Settings {
  return {
    ...draft,
    sources: sourcesFromDrafts(draft.sources),
    expiryPagePatterns: parseLines(draft.expiryPagePatterns),
    reminderDays: parseReminderDays(draft.reminderDays),
  };
}

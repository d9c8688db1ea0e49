import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fromSettingsDraft, parseLines, parseReminderDays, reminderDaysValid, toSettingsDraft } from '@/utils/settings/form';
import { defaultSettings, type SourceEntry, settingsSchema } from '@/utils/settings/schema';
import {
  draftsToAdd,
  emptySourceDraft,
  fromSourceDraft,
  moveItem,
  previewSource,
  SOURCE_LIMITS,
  type SourceDraft,
  sourcesFromDrafts,
  toSourceDraft,
  validateSourceDrafts,
} from '@/utils/settings/sources';

const draft = (fields: Partial<SourceDraft>): SourceDraft => ({ ...emptySourceDraft(), ...fields });

describe('a source row and the setting it stands for', () => {
  it('round-trips every field, alsoChanges as comma-separated text', () => {
    const entry: SourceEntry = {
      sourceName: 'Active Directory',
      label: 'Windows sign-in',
      userName: 'a.smith',
      alsoChanges: ['Workday', 'VPN'],
    };
    expect(toSourceDraft(entry)).toEqual({
      sourceName: 'Active Directory',
      label: 'Windows sign-in',
      userName: 'a.smith',
      alsoChanges: 'Workday, VPN',
    });
    expect(fromSourceDraft(toSourceDraft(entry))).toEqual(entry);
  });

  it('trims what was typed and leaves out empty optional fields, as the schema expects', () => {
    expect(fromSourceDraft(draft({ sourceName: '  G Suite ', label: ' ', alsoChanges: ' Gmail , ,Drive ' }))).toEqual({
      sourceName: 'G Suite',
      alsoChanges: ['Gmail', 'Drive'],
    });
  });

  it('drops rows nobody typed into, keeping the order of the others', () => {
    expect(
      sourcesFromDrafts([draft({ sourceName: 'B' }), emptySourceDraft(), draft({ sourceName: 'A' })]).map((s) => s.sourceName),
    ).toEqual(['B', 'A']);
  });
});

describe('source row validation', () => {
  const keys = (rows: SourceDraft[]) => validateSourceDrafts(rows).map((row) => row.map((p) => `${p.field}:${p.messageKey}`));

  it('accepts rows with only a source name, and blank rows', () => {
    expect(keys([draft({ sourceName: 'Workday' }), emptySourceDraft()])).toEqual([[], []]);
  });

  it('asks for the source name when only other fields were filled in', () => {
    expect(keys([draft({ label: 'Windows sign-in' })])).toEqual([['sourceName:options.sourceNameRequired']]);
  });

  it('names a source offered twice (ignoring case) on the later row only', () => {
    const problems = validateSourceDrafts([draft({ sourceName: 'Workday' }), draft({ sourceName: ' workday ' })]);
    expect(problems[0]).toEqual([]);
    expect(problems[1]).toEqual([{ field: 'sourceName', messageKey: 'options.sourceNameDuplicate', params: ['workday'] }]);
  });

  it('explains each length limit of the schema on its own field', () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    expect(
      keys([
        draft({ sourceName: long(SOURCE_LIMITS.sourceName) }),
        draft({ sourceName: 'A', label: long(SOURCE_LIMITS.label), userName: long(SOURCE_LIMITS.userName) }),
        draft({ sourceName: 'B', alsoChanges: `Gmail, ${long(SOURCE_LIMITS.alsoChangesItem)}` }),
        draft({ sourceName: 'C', alsoChanges: Array.from({ length: SOURCE_LIMITS.alsoChangesCount + 1 }, (_, i) => `App ${i}`).join(',') }),
      ]),
    ).toEqual([
      ['sourceName:options.sourceNameTooLong'],
      ['label:options.sourceLabelTooLong', 'userName:options.sourceUserNameTooLong'],
      ['alsoChanges:options.sourceAlsoTooLong'],
      ['alsoChanges:options.sourceAlsoTooMany'],
    ]);
  });

  it('passes exactly the rows the settings schema accepts (no row it explains is refused later, and the reverse)', () => {
    const rows = [
      draft({ sourceName: 'x'.repeat(SOURCE_LIMITS.sourceName), label: 'y'.repeat(SOURCE_LIMITS.label) }),
      draft({ sourceName: 'x'.repeat(SOURCE_LIMITS.sourceName + 1) }),
      draft({ sourceName: 'Z', userName: 'u'.repeat(SOURCE_LIMITS.userName + 1) }),
      draft({ sourceName: 'Y', alsoChanges: 'a'.repeat(SOURCE_LIMITS.alsoChangesItem + 1) }),
    ];
    const problems = validateSourceDrafts(rows);
    rows.forEach((row, index) => {
      const schemaOk = v.safeParse(settingsSchema().entries.sources, [fromSourceDraft(row)]).success;
      expect({ index, ok: problems[index]?.length === 0 }).toEqual({ index, ok: schemaOk });
    });
  });
});

describe('the popup preview of a source', () => {
  it('shows the label as the title with the source name under it', () => {
    expect(previewSource({ sourceName: 'Active Directory', label: 'Windows sign-in', alsoChanges: ['Workday'] })).toEqual({
      title: 'Windows sign-in',
      subtitle: 'Active Directory',
      alsoChanges: ['Workday'],
    });
  });

  it('shows the source name alone when there is no label or the label repeats it', () => {
    expect(previewSource({ sourceName: 'G Suite' })).toEqual({ title: 'G Suite', subtitle: null, alsoChanges: [] });
    expect(previewSource({ sourceName: 'G Suite', label: 'G Suite' }).subtitle).toBeNull();
  });
});

describe('reordering and adding rows', () => {
  it('moves one item and keeps the others in order', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the list as it is for a move past either end', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });

  it('adds picked sources not offered yet, once each, ignoring case', () => {
    const added = draftsToAdd(
      ['Active Directory'],
      [{ sourceName: 'active directory' }, { sourceName: 'Workday', alsoChanges: ['Active Directory'] }, { sourceName: 'Workday' }],
    );
    expect(added).toEqual([{ sourceName: 'Workday', label: '', userName: '', alsoChanges: 'Active Directory' }]);
  });
});

describe('the options form draft', () => {
  it('round-trips every setting through the draft unchanged', () => {
    const settings = {
      ...defaultSettings,
      tenant: 'acme',
      sources: [{ sourceName: 'Active Directory', label: 'Windows sign-in', alsoChanges: ['Workday'] }, { sourceName: 'G Suite' }],
      expiryPagePatterns: ['https://sso.acme.example/* | Active Directory', 'https://portal.example.com/*'],
      reminderDays: [10, 2, 0],
    };
    expect(fromSettingsDraft(toSettingsDraft(settings))).toEqual(settings);
  });

  it('reads one pattern per non-empty line', () => {
    expect(parseLines(' https://a.example/*\n\n  https://b.example/* \n')).toEqual(['https://a.example/*', 'https://b.example/*']);
  });

  it('reads reminder days separated by commas or spaces and flags anything but whole days 0–90', () => {
    expect(parseReminderDays('14, 7 3,1')).toEqual([14, 7, 3, 1]);
    expect(reminderDaysValid(parseReminderDays('14, 7, 0'))).toBe(true);
    expect(reminderDaysValid(parseReminderDays('soon, 7'))).toBe(false);
    expect(reminderDaysValid(parseReminderDays('91'))).toBe(false);
    expect(reminderDaysValid(parseReminderDays('1.5'))).toBe(false);
  });
});

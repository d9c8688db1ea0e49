import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, describe, it } from 'vitest';
import { createTranslator, lookupIn, supportedLocales } from '@/utils/i18n/translate';
import { describeReminder, parseRemindersState, planFromState } from '@/utils/reminders';
import { applyUserEdit, keysThatFollowTheTenant, resolveSettings } from '@/utils/settings/effective';
import { settingKeys, settingsSchema } from '@/utils/settings/schema';
import { describeOutcome, formatHelpdeskSummary, formatOutcomeNotification, parseTrackerState } from '@/utils/tracker';
import { casesRun, check, counted, edgyNumber, jsonish, mutated, nastyString, storedValue, timed } from '../fixtures/hostile/arbitraries';

/**
 * Hostile stored state: storage.local may hold anything (an older version, another tool, a corrupted
 * profile, Firefox's structured clone keeping NaN and Infinity). Parsing never throws, and whatever it lets
 * through is safe for the code that reads it next (help-desk summary, notifications, reminder alarms).
 */

const englishMessages = generateChromeMessages(
  parseMessagesText(readFileSync(new URL('../../locales/en.yml', import.meta.url), 'utf8'), 'YAML'),
);
const t = createTranslator(lookupIn(englishMessages), 'en').t;

const fieldValue = fc.oneof(jsonish, edgyNumber, nastyString, storedValue);

const trackedChange = {
  id: 'c1',
  submissionId: 's1',
  requestId: 'r1',
  identityId: 'i1',
  sourceId: 'src',
  sourceName: 'Active Directory',
  accountId: 'CN=Alice',
  accountName: 'alice',
  alsoChanges: ['Workday'],
  submittedAt: 1_760_000_000_000,
  state: 'failed',
  errors: ['The password change payload is invalid'],
  sourceIds: ['src'],
  attempts: 3,
  retryStreak: 0,
  nextPollAt: 1_760_000_100_000,
  backingOff: false,
  lastPolledAt: 1_760_000_050_000,
  lastError: 'server',
  settledAt: 1_760_000_060_000,
  notified: true,
  seen: false,
};
const outcome = {
  id: 's1',
  changeIds: ['c1'],
  kind: 'failed',
  sources: [
    {
      sourceName: 'Active Directory',
      accountName: 'alice',
      state: 'failed',
      alsoChanges: [],
      causeKey: 'tracker.cause.generic',
      causeParams: ['x'],
    },
  ],
};

/** Well-typed changes whose numbers are at the edges (NaN, ±Infinity, 1e300): they pass a schema that only asks for numbers. */
const edgyChange = fc
  .record({ submittedAt: edgyNumber, settledAt: edgyNumber, attempts: edgyNumber, nextPollAt: edgyNumber, lastPolledAt: edgyNumber })
  .map((numbers) => ({ ...trackedChange, ...numbers }));

const trackerState = fc.oneof(
  storedValue,
  fc
    .tuple(
      fc.array(fc.oneof(mutated(trackedChange, fieldValue), edgyChange), { maxLength: 4 }),
      fc.array(
        fc.record({ outcome: mutated(outcome, fieldValue), status: fc.constantFrom('ready', 'notifying', 'x'), failures: edgyNumber }),
        {
          maxLength: 3,
        },
      ),
      fc.oneof(fc.boolean(), fieldValue),
    )
    .map(([changes, outbox, needsSignIn]) => ({ version: 1, changes, outbox, needsSignIn })),
);

const remindersState = fc.oneof(
  storedValue,
  fc.record({
    expiries: fc.array(
      fc.oneof(
        mutated(
          { key: 'src', label: 'Active Directory', expiresAt: 1_760_000_000_000, origin: 'policy' },
          fc.oneof(edgyNumber, nastyString, jsonish),
        ),
        fc.record({ key: nastyString, label: nastyString, expiresAt: edgyNumber, origin: fc.constantFrom('page', 'policy') }),
      ),
      { maxLength: 4 },
    ),
    lastNotified: fc.dictionary(nastyString, edgyNumber, { maxKeys: 4 }),
  }),
);

const settingsInput = fc.oneof(
  storedValue,
  fc.dictionary(fc.oneof(fc.constantFrom(...settingKeys, 'locked', '__proto__', 'constructor'), nastyString), fieldValue, { maxKeys: 8 }),
);

describe('hostile stored state', () => {
  afterAll(() => {
    console.info('hostile-state cases:', [...casesRun].map(([name, runs]) => `${name}=${runs}`).join(', '));
  });

  it('parseTrackerState never throws, and what it accepts makes a help-desk summary and notifications', () => {
    fc.assert(
      fc.property(trackerState, (stored) => {
        const state = timed(500, () => parseTrackerState(stored));
        check(state.version === 1 && Array.isArray(state.changes) && Array.isArray(state.outbox), 'not a tracker state');
        const summary = formatHelpdeskSummary(state.changes, 1_760_000_000_000, t);
        check(typeof summary === 'string', 'no summary');
        for (const entry of state.outbox) {
          describeOutcome(entry.outcome);
          formatOutcomeNotification(entry.outcome, t);
        }
      }),
      counted('parseTrackerState', 3_000),
    );
  });

  it('parseRemindersState never throws, and what it accepts plans alarms at real times', () => {
    fc.assert(
      fc.property(remindersState, fc.array(edgyNumber, { maxLength: 6 }), (stored, reminderDays) => {
        const state = timed(500, () => parseRemindersState(stored));
        const plan = planFromState(state, reminderDays, 1_760_000_000_000);
        // browser.alarms.create({ when }) throws on NaN or Infinity, which would stop every later reminder.
        check(plan.nextWakeAt === null || Number.isFinite(plan.nextWakeAt), `nextWakeAt ${plan.nextWakeAt}`);
        for (const reminder of plan.due) {
          const { title, body } = describeReminder(reminder);
          check(typeof t(title.key) === 'string' && typeof t(body.key, body.params, body.count) === 'string', 'no reminder text');
        }
      }),
      counted('parseRemindersState', 3_000),
    );
  });

  it('resolveSettings never throws and always yields valid settings, locking only keys the policy set (and, with a locked tenant, where sign-ins go)', () => {
    fc.assert(
      fc.property(
        settingsInput,
        fc.oneof(
          settingsInput,
          settingsInput.map((managed) => ({ ...(managed as object), locked: true })),
        ),
        (user, managed) => {
          const effective = timed(500, () => resolveSettings(user, managed));
          check(v.is(settingsSchema(), effective.settings), 'invalid effective settings');
          const tenantLocked = effective.lockedKeys.includes('tenant');
          check(
            effective.lockedKeys.every(
              (key) => effective.managedKeys.includes(key) || (tenantLocked && keysThatFollowTheTenant.includes(key)),
            ),
            'locked a key the policy did not set',
          );
        },
      ),
      counted('resolveSettings', 3_000),
    );
  });

  it('applyUserEdit never throws, never writes an unknown key and never overrides a locked one', () => {
    fc.assert(
      fc.property(settingsInput, fc.subarray([...settingKeys]), (edit, locked) => {
        const record = typeof edit === 'object' && edit !== null && !Array.isArray(edit) ? (edit as Record<string, unknown>) : {};
        const { next, refused } = timed(500, () => applyUserEdit({}, record, locked));
        for (const key of Object.keys(next)) check((settingKeys as string[]).includes(key), `wrote unknown key ${key}`);
        for (const key of locked) check(!(key in next), `overrode locked ${key}`);
        check(
          refused.every((key) => (locked as string[]).includes(key)),
          'refused an unlocked key',
        );
        check(v.is(v.partial(settingsSchema()), next), 'wrote an invalid value');
      }),
      counted('applyUserEdit', 3_000),
    );
  });

  it('the translator answers any key, parameters and count with a string, in every locale', () => {
    const translators = supportedLocales.map((locale) => createTranslator(lookupIn(englishMessages), locale));
    const realKeys = Object.keys(englishMessages).map((key) => key.replaceAll('_', '.'));
    const key = fc.oneof(
      fc.constantFrom(...realKeys),
      nastyString,
      fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '@@ui_locale'),
    );
    const params = fc.option(fc.array(fc.oneof(nastyString, edgyNumber), { maxLength: 10 }), { nil: undefined });
    fc.assert(
      fc.property(fc.constantFrom(...translators), key, params, fc.option(edgyNumber, { nil: undefined }), (translator, k, p, count) => {
        const text = timed(500, () => translator.t(k, p, count));
        check(typeof text === 'string', 'not a string');
        translator.formatNumber(count ?? 0);
      }),
      counted('translator', 4_000),
    );
  });
});

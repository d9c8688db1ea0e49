import { useEffect, useState } from 'preact/hooks';
import { ErrorNotice } from '@/components/ErrorNotice';
import { t, tk } from '@/components/i18n';
import {
  countdown,
  DIGIT_TOKEN_DEFAULTS,
  DIGIT_TOKEN_LIMITS,
  DIGIT_TOKEN_OFFERED_VERSIONS,
  type DigitTokenDraft,
  type DigitTokenField,
  digitTokenExpiresAt,
  digitTokenVersionFor,
  supportsDigitToken,
  validateDigitTokenRequest,
} from '@/utils/admin/digit-token';
import { explainAdminError } from '@/utils/admin/explain';
import type { FieldProblem } from '@/utils/admin/limits';
import type { ApiVersion } from '@/utils/api/types';
import { NumberField } from './NumberField';
import { useAction } from './useAction';
import { type Send, useNow } from './useLoad';

/** Only in this component's state: gone when it expires, is cleared, or the page closes. */
interface ShownToken {
  value: string;
  userId: string;
  expiresAt: number;
}

/** The token's whole-number settings, each with its label. */
const numberFields = [
  ['length', 'admin.digit.length'],
  ['durationMinutes', 'admin.digit.duration'],
] as const;

function versionChoices(configured: ApiVersion): readonly ApiVersion[] {
  return DIGIT_TOKEN_OFFERED_VERSIONS.includes(configured) || !supportsDigitToken(configured)
    ? DIGIT_TOKEN_OFFERED_VERSIONS
    : [configured, ...DIGIT_TOKEN_OFFERED_VERSIONS];
}

export function DigitTokenPanel({
  send,
  configuredVersion,
  copyText,
}: {
  send: Send;
  configuredVersion: ApiVersion;
  copyText: (text: string) => Promise<void>;
}) {
  const [version, setVersion] = useState<ApiVersion>(() => digitTokenVersionFor(configuredVersion));
  const [draft, setDraft] = useState<DigitTokenDraft>({
    userId: '',
    length: String(DIGIT_TOKEN_DEFAULTS.length),
    durationMinutes: String(DIGIT_TOKEN_DEFAULTS.durationMinutes),
  });
  const [problems, setProblems] = useState<Partial<Record<DigitTokenField, FieldProblem>>>({});
  const generating = useAction();
  const [token, setToken] = useState<ShownToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const now = useNow(token ? 1000 : null);
  // The ticking clock starts with the token; until its first tick, read the time directly.
  const left = token ? countdown(token.expiresAt, Math.max(now, Date.now())) : null;

  useEffect(() => {
    if (token && left?.expired) {
      setToken(null);
      setNotice(t('admin.digit.expired'));
    }
  }, [token, left?.expired]);

  // A page kept in the back/forward cache must not bring the code back.
  useEffect(() => {
    const drop = () => setToken(null);
    window.addEventListener('pagehide', drop);
    return () => window.removeEventListener('pagehide', drop);
  }, []);

  async function generate(event: Event) {
    event.preventDefault();
    generating.reset();
    setNotice(null);
    const checked = validateDigitTokenRequest(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setToken(null);
    const requestedAt = Date.now();
    await generating.run(
      () => send({ type: 'admin/digitToken', ...checked.value, version }),
      (result) => {
        setToken({
          value: result.digitToken,
          userId: checked.value.userId,
          expiresAt: digitTokenExpiresAt(requestedAt, result.durationMinutes),
        });
        setNotice(t('admin.digit.tokenFor', [checked.value.userId]));
      },
    );
  }

  async function copy() {
    if (!token) return;
    try {
      await copyText(token.value);
      setNotice(t('admin.digit.copied'));
    } catch {
      setNotice(t('admin.digit.copyFailed'));
    }
  }

  const edit = (key: DigitTokenField) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const textField = (key: DigitTokenField) => ({
    id: `digit-${key}`,
    value: draft[key],
    'aria-invalid': problems[key] ? true : undefined,
    'aria-describedby': problems[key] ? `digit-${key}-error` : undefined,
    onInput: (e: Event) => edit(key)((e.currentTarget as HTMLInputElement).value),
  });
  const userIdProblem = problems.userId && (
    <p class="small field-error" id="digit-userId-error" role="alert">
      {tk(problems.userId)}
    </p>
  );

  return (
    <section class="admin-panel" aria-labelledby="admin-digit-title" data-testid="admin-digit-token">
      <h3 id="admin-digit-title">{t('admin.digit.title')}</h3>
      <p class="small muted">{t('admin.digit.explain')}</p>
      {!supportsDigitToken(configuredVersion) && (
        <p class="notice notice-info" data-testid="digit-version-note">
          {t('admin.digit.versionNote', [configuredVersion])}
        </p>
      )}
      <form class="admin-form" onSubmit={(e) => void generate(e)} noValidate>
        <div class="field">
          <label for="digit-version">{t('admin.digit.version')}</label>
          <select id="digit-version" value={version} onChange={(e) => setVersion(e.currentTarget.value as ApiVersion)}>
            {versionChoices(configuredVersion).map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="digit-userId">{t('admin.digit.userId')}</label>
          <input type="text" spellcheck={false} autocomplete="off" maxLength={200} {...textField('userId')} />
          {userIdProblem}
        </div>
        {numberFields.map(([key, label]) => (
          <NumberField
            key={key}
            id={`digit-${key}`}
            label={t(label)}
            value={draft[key]}
            range={DIGIT_TOKEN_LIMITS[key]}
            problem={problems[key]}
            onInput={edit(key)}
          />
        ))}
        <div class="row">
          <button type="submit" class="button button-primary" disabled={generating.busy} data-testid="digit-generate">
            {generating.busy ? t('admin.digit.generating') : t('admin.digit.generate')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" class="small" data-testid="digit-status">
        {notice}
      </p>
      {token && left && (
        <div class="digit-result" data-testid="digit-result">
          <p>{t('admin.digit.tokenFor', [token.userId])}</p>
          <code class="digit-token" data-testid="digit-token">
            {token.value}
          </code>
          <p role="timer" data-testid="digit-countdown" data-remaining-ms={String(left.remainingMs)}>
            {t('admin.digit.expiresIn', [left.text])}
          </p>
          <div class="row">
            <button type="button" class="button" onClick={() => void copy()} data-testid="digit-copy">
              {t('admin.digit.copy')}
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                setToken(null);
                setNotice(t('admin.digit.cleared'));
              }}
            >
              {t('admin.digit.clear')}
            </button>
          </div>
        </div>
      )}
      {generating.error && (
        <ErrorNotice
          error={generating.error}
          text={explainAdminError('digitToken', generating.error)}
          audience="admin"
          testId="admin-error"
        />
      )}
    </section>
  );
}

import { describe, expect, it } from 'vitest';
import {
  countdown,
  DIGIT_TOKEN_OFFERED_VERSIONS,
  digitTokenExpiresAt,
  digitTokenVersionFor,
  supportsDigitToken,
  validateDigitTokenRequest,
} from '@/utils/admin/digit-token';
import { draftFromValues, ORG_CONFIG_DEFAULTS, orgConfigValues, validateOrgConfig } from '@/utils/admin/org-config';

const range = (min: number, max: number) => ({ key: 'admin.validation.range', params: [min, max] });

describe('org config form', () => {
  const draft = { customInstructionsEnabled: true, digitTokenEnabled: true, digitTokenLength: '8', digitTokenDurationMinutes: '10' };

  it('turns a valid draft into the values to send', () => {
    expect(validateOrgConfig(draft)).toEqual({
      ok: true,
      value: { customInstructionsEnabled: true, digitTokenEnabled: true, digitTokenLength: 8, digitTokenDurationMinutes: 10 },
    });
  });

  it('accepts the limits themselves: length 6 and 18, duration 1 and 60', () => {
    for (const [length, duration] of [
      ['6', '1'],
      ['18', '60'],
      [' 12 ', '30'],
    ]) {
      expect(validateOrgConfig({ ...draft, digitTokenLength: length ?? '', digitTokenDurationMinutes: duration ?? '' }).ok).toBe(true);
    }
  });

  it('refuses a length outside 6–18 and a duration outside 1–60, saying which range applies', () => {
    expect(validateOrgConfig({ ...draft, digitTokenLength: '5', digitTokenDurationMinutes: '61' })).toEqual({
      ok: false,
      problems: { digitTokenLength: range(6, 18), digitTokenDurationMinutes: range(1, 60) },
    });
    expect(validateOrgConfig({ ...draft, digitTokenLength: '19' })).toEqual({ ok: false, problems: { digitTokenLength: range(6, 18) } });
    expect(validateOrgConfig({ ...draft, digitTokenDurationMinutes: '0' })).toEqual({
      ok: false,
      problems: { digitTokenDurationMinutes: range(1, 60) },
    });
  });

  it('refuses empty, fractional, negative and non-numeric input', () => {
    for (const bad of ['', '7.5', '-8', 'eight', '1e1', '0x8']) {
      expect(validateOrgConfig({ ...draft, digitTokenLength: bad }).ok, bad).toBe(false);
    }
  });

  it("fills ISC's defaults for a tenant without an org config or with partial fields", () => {
    expect(orgConfigValues(null)).toEqual(ORG_CONFIG_DEFAULTS);
    expect(orgConfigValues({ digitTokenLength: 9 })).toEqual({ ...ORG_CONFIG_DEFAULTS, digitTokenLength: 9 });
    expect(draftFromValues(ORG_CONFIG_DEFAULTS)).toEqual({
      customInstructionsEnabled: false,
      digitTokenEnabled: false,
      digitTokenLength: '6',
      digitTokenDurationMinutes: '5',
    });
  });
});

describe('digit token request', () => {
  it('trims the user id and reads the numbers', () => {
    expect(validateDigitTokenRequest({ userId: '  alice ', length: '12', durationMinutes: '1' })).toEqual({
      ok: true,
      value: { userId: 'alice', length: 12, durationMinutes: 1 },
    });
  });

  it('reports every problem at once', () => {
    expect(validateDigitTokenRequest({ userId: ' ', length: '19', durationMinutes: '0' })).toEqual({
      ok: false,
      problems: {
        userId: { key: 'admin.validation.userIdRequired', params: [] },
        length: range(6, 18),
        durationMinutes: range(1, 60),
      },
    });
    expect(validateDigitTokenRequest({ userId: 'x'.repeat(201), length: '6', durationMinutes: '5' })).toMatchObject({
      ok: false,
      problems: { userId: { key: 'admin.validation.userIdTooLong' } },
    });
  });

  it('knows that v3 has no digit tokens and offers beta, v2024, v2025 and v2026 instead', () => {
    expect(supportsDigitToken('v3')).toBe(false);
    expect(DIGIT_TOKEN_OFFERED_VERSIONS).toEqual(['beta', 'v2024', 'v2025', 'v2026']);
    expect(digitTokenVersionFor('v3')).toBe('v2024');
    expect(digitTokenVersionFor('v2025')).toBe('v2025');
    expect(digitTokenVersionFor('v2026')).toBe('v2026');
    expect(digitTokenVersionFor('beta')).toBe('beta');
    expect(digitTokenVersionFor('v1')).toBe('v1');
  });
});

describe('digit token countdown', () => {
  const requestedAt = 1_700_000_000_000;
  const expiresAt = digitTokenExpiresAt(requestedAt, 1);

  it('expires the duration after the request was sent', () => {
    expect(expiresAt - requestedAt).toBe(60_000);
  });

  it('counts down in m:ss, rounding up so 0:00 means expired', () => {
    expect(countdown(expiresAt, requestedAt).text).toBe('1:00');
    expect(countdown(expiresAt, requestedAt + 1).text).toBe('1:00');
    expect(countdown(expiresAt, requestedAt + 1_000).text).toBe('0:59');
    expect(countdown(expiresAt, requestedAt + 50_500).text).toBe('0:10');
    expect(countdown(expiresAt, expiresAt - 1)).toEqual({ remainingMs: 1, expired: false, text: '0:01' });
    expect(countdown(expiresAt, expiresAt)).toEqual({ remainingMs: 0, expired: true, text: '0:00' });
    expect(countdown(expiresAt, expiresAt + 65_000)).toEqual({ remainingMs: 0, expired: true, text: '0:00' });
  });

  it('shows long durations in minutes', () => {
    expect(countdown(digitTokenExpiresAt(0, 60), 0).text).toBe('60:00');
  });
});

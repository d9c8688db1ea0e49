import type { PasswordOrgConfig } from '@/utils/api/types';
import { type FieldProblem, type IntegerRange, readInteger } from './limits';

/** The API's limits for the password org config (shared/isc-api.md). */
export const ORG_CONFIG_LIMITS = {
  digitTokenLength: { min: 6, max: 18 },
  digitTokenDurationMinutes: { min: 1, max: 60 },
} as const satisfies Record<string, IntegerRange>;

/** Every field set: what the form shows and what Rekey sends. */
export interface OrgConfigValues {
  customInstructionsEnabled: boolean;
  digitTokenEnabled: boolean;
  digitTokenLength: number;
  digitTokenDurationMinutes: number;
}

/** ISC's documented defaults, which apply while no org config exists. */
export const ORG_CONFIG_DEFAULTS: OrgConfigValues = {
  customInstructionsEnabled: false,
  digitTokenEnabled: false,
  digitTokenLength: 6,
  digitTokenDurationMinutes: 5,
};

export function orgConfigValues(config: PasswordOrgConfig | null): OrgConfigValues {
  return {
    customInstructionsEnabled: config?.customInstructionsEnabled ?? ORG_CONFIG_DEFAULTS.customInstructionsEnabled,
    digitTokenEnabled: config?.digitTokenEnabled ?? ORG_CONFIG_DEFAULTS.digitTokenEnabled,
    digitTokenLength: config?.digitTokenLength ?? ORG_CONFIG_DEFAULTS.digitTokenLength,
    digitTokenDurationMinutes: config?.digitTokenDurationMinutes ?? ORG_CONFIG_DEFAULTS.digitTokenDurationMinutes,
  };
}

/** The form's state: numbers stay text until validated, so a half-typed value is not lost. */
export interface OrgConfigDraft {
  customInstructionsEnabled: boolean;
  digitTokenEnabled: boolean;
  digitTokenLength: string;
  digitTokenDurationMinutes: string;
}

export function draftFromValues(values: OrgConfigValues): OrgConfigDraft {
  return {
    customInstructionsEnabled: values.customInstructionsEnabled,
    digitTokenEnabled: values.digitTokenEnabled,
    digitTokenLength: String(values.digitTokenLength),
    digitTokenDurationMinutes: String(values.digitTokenDurationMinutes),
  };
}

export type OrgConfigField = 'digitTokenLength' | 'digitTokenDurationMinutes';

export type OrgConfigValidation =
  | { ok: true; value: OrgConfigValues }
  | { ok: false; problems: Partial<Record<OrgConfigField, FieldProblem>> };

export function validateOrgConfig(draft: OrgConfigDraft): OrgConfigValidation {
  const length = readInteger(draft.digitTokenLength, ORG_CONFIG_LIMITS.digitTokenLength);
  const duration = readInteger(draft.digitTokenDurationMinutes, ORG_CONFIG_LIMITS.digitTokenDurationMinutes);
  if (!length.ok || !duration.ok) {
    const problems: Partial<Record<OrgConfigField, FieldProblem>> = {};
    if (!length.ok) problems.digitTokenLength = length.problem;
    if (!duration.ok) problems.digitTokenDurationMinutes = duration.problem;
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      customInstructionsEnabled: draft.customInstructionsEnabled,
      digitTokenEnabled: draft.digitTokenEnabled,
      digitTokenLength: length.value,
      digitTokenDurationMinutes: duration.value,
    },
  };
}

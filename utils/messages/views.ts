import type { StepUp } from '@/utils/api/step-up';
import type { EffectiveSettings } from '@/utils/settings/effective';

/** What the UI may know about the signed-in user. Never a token. */
export interface IdentityView {
  identityId: string | null;
  userName: string | null;
  displayName: string | null;
  tenant: string | null;
  authorities: string[];
  scopes: string[];
  expiresAt: number | null;
  mode: 'oauth' | 'client-credentials';
}

export interface ConfigProblem {
  key: 'tenant' | 'clientId' | 'sources';
  messageKey: string;
  managed: boolean;
}

/** One password the employee can change: a source or password group with its accounts. */
export interface PasswordTargetView {
  sourceName: string;
  sourceId: string;
  identityId: string;
  publicKeyId: string;
  publicKey: string;
  accounts: { accountId: string; accountName: string }[];
  policies: string[];
  /** The policy asks for a second factor (always, off network, from untrusted places): said before typing. */
  stepUp?: StepUp;
  fetchedAt: number;
  fromCache: boolean;
}

export type ChangeState = 'pending' | 'finished' | 'failed' | 'unknown' | 'not-readable' | 'not-found';

export interface ChangeView {
  id: string;
  submissionId: string;
  requestId: string | null;
  sourceName: string;
  accountName: string;
  alsoChanges: string[];
  submittedAt: number;
  settledAt?: number;
  state: ChangeState;
  /** The employee has looked at this outcome (in the popup's status view). */
  seen: boolean;
  errors: string[];
  causes: { key: string; params: string[] }[];
}

export interface TrackerView {
  pending: ChangeView[];
  history: ChangeView[];
  badge: { pending: number; failed: number };
  needsSignIn: boolean;
}

/** Everything the popup and the options page show, pushed by the worker whenever it changes. Never a secret. */
export interface UiState {
  settings: EffectiveSettings;
  configProblems: ConfigProblem[];
  identity: IdentityView | null;
  tracker: TrackerView;
  /** Set when the page prompt asked to open the change flow for a source. */
  preselectSource: string | null;
  /** Host-permission patterns the tenant needs and the user has not granted yet (asked on sign-in). */
  missingTenantOrigins: string[];
  /** Whether the built-in identity-provider sign-in pages may be watched (host access granted). */
  watchesBuiltInSites: boolean;
}

/** The page prompt's words, translated by the worker (which knows a policy-forced language). */
export interface PromptText {
  message: string;
  changeNow: string;
  notNow: string;
  close: string;
  regionLabel: string;
}

export interface SubmitResult {
  submissionId: string;
  accounts: { accountId: string; ok: boolean; requestId?: string | null; error?: { kind: string; messageKey: string; params: string[] } }[];
}

/** The Administration section's views (options page ↔ background). */
export type * from '@/utils/admin/views';

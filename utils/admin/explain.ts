import { ADMIN_ROLE, type AdminOperation, REQUIRED_SCOPES } from './capabilities';
import { DIGIT_TOKEN_OFFERED_VERSIONS } from './digit-token';

/** A failure as the background reports it (see `UserError` in the message protocol). */
export interface ReportedError {
  kind: string;
  messageKey: string;
  params: readonly string[];
  trackingId?: string | undefined;
}

/** A locale key with its parameters, plus the tracking id to quote to SailPoint support. */
export interface AdminErrorText {
  key: string;
  params: string[];
  trackingId?: string;
}

/**
 * Admin-specific wording for a failed admin call: a 403 names the scope and role the operation needs,
 * a digit token on a version without it names the versions that have it. Everything else keeps the
 * general explanation the API client chose.
 */
export function explainAdminError(operation: AdminOperation, error: ReportedError): AdminErrorText {
  const text = ((): AdminErrorText => {
    switch (error.kind) {
      case 'forbidden':
      case 'forbidden-api-authority':
        return { key: 'admin.error.forbidden', params: [REQUIRED_SCOPES[operation].join(', '), ADMIN_ROLE] };
      case 'unsupported-in-version':
        return { key: 'admin.digit.unsupported', params: [error.params[0] ?? '', DIGIT_TOKEN_OFFERED_VERSIONS.join(', ')] };
      case 'not-found':
        if (operation === 'digitToken') return { key: 'admin.digit.userNotFound', params: [] };
        return { key: error.messageKey, params: [...error.params] };
      default:
        return { key: error.messageKey, params: [...error.params] };
    }
  })();
  if (error.trackingId) text.trackingId = error.trackingId;
  return text;
}

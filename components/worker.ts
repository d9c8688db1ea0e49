import { MessageError } from '@/utils/messages/client';
import type { Request, RequestType, ResponseFor, UserError } from '@/utils/messages/protocol';
import type { UiState } from '@/utils/messages/views';

/**
 * The one seam between the extension's pages and the worker, as the UI sees it. The popup and the options page
 * receive an implementation (the browser's in entrypoints/shared/worker-client.ts, an in-process one in tests);
 * no component talks to the browser directly.
 */
export type Send = <T extends RequestType>(request: Extract<Request, { type: T }>) => Promise<ResponseFor<T>>;

export interface WorkerClient {
  /** A validated request to the worker; failures arrive as `MessageError` carrying an explainable `UserError`. */
  send: Send;
  /** Called with every state the worker pushes (at once after connecting, then on each change). */
  subscribe(listener: (state: UiState) => void): () => void;
}

/** What the pages may ask of the browser itself, always in a user's click. */
export interface PageBrowser {
  /** Asks for host access (the browser prompts only for what is not granted yet); true when all of it is granted. */
  requestOrigins(origins: string[]): Promise<boolean>;
  openOptionsPage(): void;
  /**
   * Puts a secret on the clipboard and has the worker clear it later, if the clipboard still holds it: a timer of
   * the popup's own would die with the popup (closed, Submit, Back). The worker gets a salted fingerprint, never
   * the text.
   */
  copySecret(text: string): Promise<void>;
}

export function toUserError(error: unknown): UserError {
  if (error instanceof MessageError && error.user) return error.user;
  return { kind: 'internal', messageKey: 'popup.errorInternal', params: [] };
}

import * as v from 'valibot';

/**
 * The one message protocol between the popup, options page, content scripts and the
 * background worker. Every request is validated on receipt; each type names the
 * contexts allowed to send it, so a content script can never ask for a token or an API call.
 */

export type SenderContext = 'extension-page' | 'content-script';

export const PingRequest = v.object({ type: v.literal('ping') });

export const RequestSchema = v.variant('type', [PingRequest]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

export interface ResponseMap {
  ping: { pong: true; version: string; startedAt: number };
}

export type ResponseFor<T extends RequestType> = ResponseMap[T];

/** Which contexts may send each request type. Anything not listed here is refused. */
export const allowedSenders: Record<RequestType, readonly SenderContext[]> = {
  ping: ['extension-page', 'content-script'],
};

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export interface ProtocolError {
  code: 'invalid-message' | 'forbidden-sender' | 'handler-failed';
  message: string;
}

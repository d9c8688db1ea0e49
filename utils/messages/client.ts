import type { Envelope, Request, RequestType, ResponseFor, UserError } from './protocol';

export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly user?: UserError,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

export type Transport = (message: unknown) => Promise<unknown>;

/** Typed request/response over any transport (runtime.sendMessage in the extension). */
export function createMessenger(transport: Transport) {
  return async function send<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<ResponseFor<T>> {
    const envelope = (await transport(request)) as Envelope<ResponseFor<T>> | undefined;
    if (!envelope || typeof envelope !== 'object') {
      throw new MessageError('no-response', 'The background worker did not answer.');
    }
    if (!envelope.ok) throw new MessageError(envelope.error.code, envelope.error.message, envelope.error.user);
    return envelope.value;
  };
}

import * as v from 'valibot';
import {
  allowedSenders,
  type Envelope,
  isRequestType,
  type Request,
  RequestSchema,
  type RequestSchemaLookup,
  type RequestType,
  type ResponseFor,
  type SenderContext,
  type UserError,
} from './protocol';

/** The parts of `runtime.MessageSender` the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * Classifies a sender. Only our own extension may talk to us (no externally_connectable),
 * and a message from a tab is a content script even if the tab shows an extension page,
 * because content scripts are the least trusted context that can reach the router.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderContext | null {
  if (sender.id !== extensionId) return null;
  // Compare with the origin plus "/", so chrome-extension://<id>.evil.example could never pass.
  const ours = `${extensionOrigin}/`;
  const url = sender.url ?? '';
  const fromExtensionPage = url.startsWith(ours);
  if (fromExtensionPage && (sender.tab === undefined || (sender.tab.url ?? '').startsWith(ours))) {
    return 'extension-page';
  }
  return 'content-script';
}

export type Handlers = {
  [T in RequestType]: (
    request: Extract<Request, { type: T }>,
    context: SenderContext,
    sender: SenderInfo,
  ) => Promise<ResponseFor<T>> | ResponseFor<T>;
};

/** Turns a handler's failure into something the UI can explain; unknown failures stay generic. */
export type Explain = (error: unknown) => UserError | undefined;

/** The router with every request type's schema at hand (the protocol's `RequestSchema`). */
export function createRouter(
  handlers: Handlers,
  identity: { extensionId: string; extensionOrigin: string },
  explain: Explain = () => undefined,
) {
  return createRouterWithSchemas((type) => (isRequestType(type) ? RequestSchema : undefined), handlers, identity, explain);
}

/**
 * The router, with each request type's schema from `schemaOf` (the worker's: the listener's own table, else its
 * chunks'; see protocol.ts). Every request is checked before any handler runs, in this order: its type is one of the
 * protocol's (else refused here, nothing loaded), its shape matches its type's schema, its sender is one the protocol
 * allows for that type. A schema that cannot be had (its code would not load) refuses the request as a failure.
 */
export function createRouterWithSchemas(
  schemaOf: RequestSchemaLookup,
  handlers: Handlers,
  identity: { extensionId: string; extensionOrigin: string },
  explain: Explain = () => undefined,
) {
  const invalid = { ok: false, error: { code: 'invalid-message', message: 'Message does not match the protocol.' } } as const;
  return async function route(raw: unknown, sender: SenderInfo): Promise<Envelope<unknown>> {
    const type = (raw as { type?: unknown } | null | undefined)?.type;
    if (!isRequestType(type)) return invalid;
    let schema: v.GenericSchema | undefined;
    try {
      schema = schemaOf(type);
    } catch {
      return { ok: false, error: { code: 'handler-failed', message: `"${type}" could not be checked.` } };
    }
    const parsed = schema ? v.safeParse(schema, raw) : undefined;
    if (!parsed?.success) return invalid;
    const request = parsed.output as Request;
    const context = classifySender(sender, identity.extensionId, identity.extensionOrigin);
    if (context === null || !allowedSenders[request.type].includes(context)) {
      return { ok: false, error: { code: 'forbidden-sender', message: `"${request.type}" is not allowed from this context.` } };
    }
    try {
      const handler = handlers[request.type] as (r: Request, c: SenderContext, s: SenderInfo) => unknown;
      return { ok: true, value: await handler(request, context, sender) };
    } catch (error) {
      // The error's own text is not passed on: it might echo a request, and requests can hold secrets.
      const user = explain(error);
      return { ok: false, error: { code: 'handler-failed', message: `"${request.type}" failed.`, ...(user ? { user } : {}) } };
    }
  };
}

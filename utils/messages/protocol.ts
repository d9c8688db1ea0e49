import * as v from 'valibot';
import { type AdminRelayReply, adminRelaySchema } from '@/utils/admin/relay';
import { once } from '@/utils/lazy/once';
import { recordOf } from '@/utils/schema/record-of';
import type { TrackedChange } from '@/utils/tracker/types';
import type { AdminDiagnosticsView, IdentityView, PasswordTargetView, PromptText, SubmitResult, UiState } from './views';

/**
 * The one message protocol between the popup, options page, content scripts and the
 * background worker. Every request is validated on receipt; each type names the contexts
 * allowed to send it, so a content script can never ask for a token or an API call.
 *
 * No request carries a plaintext password: set-password takes RSA ciphertext only.
 */

export type SenderContext = 'extension-page' | 'content-script';

const shortText = (max = 200) => v.pipe(v.string(), v.maxLength(max));
const base64 = () => v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]+={0,2}$/), v.minLength(172), v.maxLength(1400));

const empty = <T extends string>(type: T) => v.object({ type: v.literal(type) });

/**
 * Each request type's schema, in two tables that together are the protocol (`RequestSchema` below reads both;
 * test/unit/worker-request-schemas.test.ts keeps them disjoint and complete). Every request is checked against its
 * type's schema before its handler runs, wherever the schema's code is shipped:
 * - `listenerRequestSchemas`: requests that carry nothing but their type, and the settings edit. The worker's listener
 *   holds these: a ping, a popup's or the options page's state and a settings save load no more code than that.
 * - `chunkRequestSchemas`: requests with a payload whose handler loads the worker's chunks anyway (sign-in, a
 *   password's info and change, a watched page's report, a copied password's wipe, the admin relay). In Chrome's build
 *   their schemas are bundled with the chunks (entrypoints/background/requests-chunk.ts), not with background.js, whose
 *   every byte is read at each worker start.
 * Each schema is built the first time a request of its type arrives: a worker woken by one message (most wake-ups)
 * builds one schema, not all of them.
 */
export const listenerRequestSchemas = {
  ping: () => empty('ping'),
  'state/get': () => empty('state/get'),
  'auth/signIn': () => empty('auth/signIn'),
  'auth/signOut': () => empty('auth/signOut'),
  'tracker/pollNow': () => empty('tracker/pollNow'),
  'tracker/markSeen': () => empty('tracker/markSeen'),
  'tracker/clearHistory': () => empty('tracker/clearHistory'),
  'tracker/summary': () => empty('tracker/summary'),
  'settings/update': () => v.object({ type: v.literal('settings/update'), edit: recordOf(v.unknown()) }),
  'expiry/snooze': () => empty('expiry/snooze'),
  'expiry/openChange': () => empty('expiry/openChange'),
  'expiry/classify': () => empty('expiry/classify'),
  'admin/diagnostics': () => empty('admin/diagnostics'),
};

export const chunkRequestSchemas = {
  'auth/signInClientCredentials': () =>
    v.object({
      type: v.literal('auth/signInClientCredentials'),
      clientId: shortText(),
      clientSecret: shortText(500),
    }),
  'password/info': () =>
    v.object({
      type: v.literal('password/info'),
      sourceName: shortText(),
      userName: v.optional(shortText()),
      forceRefresh: v.optional(v.boolean()),
    }),
  'password/submit': () =>
    v.object({
      type: v.literal('password/submit'),
      sourceName: shortText(),
      sourceId: shortText(),
      identityId: shortText(),
      publicKeyId: shortText(),
      encryptedPassword: base64(),
      accounts: v.pipe(v.array(v.object({ accountId: shortText(500), accountName: shortText() })), v.minLength(1), v.maxLength(20)),
      alsoChanges: v.pipe(v.array(shortText()), v.maxLength(20)),
    }),
  'expiry/report': () =>
    v.object({
      type: v.literal('expiry/report'),
      kind: v.picklist(['expired', 'expiring']),
      daysLeft: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(365))),
    }),
  // A password the popup copied: the worker gets a salted fingerprint to clear it by, never the text.
  'clipboard/scheduleWipe': () =>
    v.object({
      type: v.literal('clipboard/scheduleWipe'),
      salt: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
      digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
    }),
  // Administration (options page): one narrow relay to ISC with the worker's token.
  'admin/request': adminRelaySchema,
};

type RequestSchemas = typeof listenerRequestSchemas & typeof chunkRequestSchemas;
type RequestSchemaOf = ReturnType<RequestSchemas[keyof RequestSchemas]>;

/** A request type's schema, or undefined for a type the table does not hold. */
export type RequestSchemaLookup = (type: string) => v.GenericSchema | undefined;

/** Looks a request type's schema up in one of the tables above, building it on first use. */
export function requestSchemaLookup(table: Partial<Record<string, () => v.GenericSchema>>): RequestSchemaLookup {
  const built = new Map<string, v.GenericSchema>();
  return (type) => {
    const build = Object.hasOwn(table, type) ? table[type] : undefined;
    if (!build) return undefined;
    let schema = built.get(type);
    if (!schema) {
      schema = build();
      built.set(type, schema);
    }
    return schema;
  };
}

/** Is this a request type of the protocol (before any schema of it is built or loaded)? */
export function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.hasOwn(allowedSenders, type);
}

// Both tables, joined on first use: a bundle that uses only one of them (the worker's background.js) leaves the other out.
const anyRequestSchema = once(() => requestSchemaLookup({ ...listenerRequestSchemas, ...chunkRequestSchemas }));
const noSuchRequest = v.never();

/**
 * Every request: the schema of the type the input names. The same as a union of every type's schema (each has its own
 * `type` literal, so an input can only ever match the one it names), and what the types below are inferred from.
 */
export const RequestSchema = v.lazy((input: unknown): RequestSchemaOf | typeof noSuchRequest => {
  const type = (input as { type?: unknown } | null | undefined)?.type;
  return (typeof type === 'string' ? (anyRequestSchema()(type) as RequestSchemaOf | undefined) : undefined) ?? noSuchRequest;
});

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

export interface ResponseMap {
  ping: { pong: true; version: string; startedAt: number };
  'state/get': UiState;
  'auth/signIn': IdentityView;
  'auth/signInClientCredentials': IdentityView;
  'auth/signOut': null;
  'password/info': PasswordTargetView;
  'password/submit': SubmitResult;
  'tracker/pollNow': null;
  'tracker/markSeen': null;
  'tracker/clearHistory': null;
  /** What the popup's help-desk summary lists; the popup writes the text (no password or token is tracked). */
  'tracker/summary': { changes: TrackedChange[]; generatedAt: number };
  'settings/update': { refused: string[]; invalid: { key: string; issue: string }[] };
  'expiry/report': { show: false } | { show: true; text: PromptText };
  'expiry/snooze': null;
  'expiry/openChange': null;
  'clipboard/scheduleWipe': null;
  'expiry/classify': null;
  'admin/request': AdminRelayReply;
  'admin/diagnostics': AdminDiagnosticsView;
}

export type ResponseFor<T extends RequestType> = ResponseMap[T];

/** Which contexts may send each request type. Anything not listed here is refused. */
export const allowedSenders: Record<RequestType, readonly SenderContext[]> = {
  ping: ['extension-page', 'content-script'],
  'state/get': ['extension-page'],
  'auth/signIn': ['extension-page'],
  'auth/signInClientCredentials': ['extension-page'],
  'auth/signOut': ['extension-page'],
  'password/info': ['extension-page'],
  'password/submit': ['extension-page'],
  'tracker/pollNow': ['extension-page'],
  'tracker/markSeen': ['extension-page'],
  'tracker/clearHistory': ['extension-page'],
  'tracker/summary': ['extension-page'],
  'settings/update': ['extension-page'],
  // A content script only reports what it saw and asks to open the change flow; the site it
  // speaks for is taken from the sender, never from the message.
  'expiry/report': ['content-script'],
  'expiry/snooze': ['content-script'],
  'expiry/openChange': ['content-script'],
  // Only the popup copies a password; a content script has nothing of ours on the clipboard.
  'clipboard/scheduleWipe': ['extension-page'],
  // The watcher asks for the classifier in its own frame; the worker injects only our packaged file, there.
  'expiry/classify': ['content-script'],
  // Administration: the options page only; ISC checks the token's permissions on every call.
  'admin/request': ['extension-page'],
  'admin/diagnostics': ['extension-page'],
};

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export interface ProtocolError {
  code: 'invalid-message' | 'forbidden-sender' | 'handler-failed';
  message: string;
  /** A user-facing explanation (locale key + params) when the handler failed in a way the UI can explain. */
  user?: UserError;
}

export interface UserError {
  kind: string;
  messageKey: string;
  params: string[];
  trackingId?: string;
}

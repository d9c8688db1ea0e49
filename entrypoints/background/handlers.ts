import { browser } from 'wxt/browser';
import { listenerRequestSchemas, type RequestSchemaLookup, requestSchemaLookup } from '@/utils/messages/protocol';
import { createRouterWithSchemas, type Explain, type Handlers } from '@/utils/messages/router';
import type { WorkerServices } from './root';

/** Every message the worker answers, each handed to the service that owns it. */
export function createHandlers(services: Omit<WorkerServices, 'route'>): Handlers {
  const { signIn, session, passwords, tracking, settings, pagePrompt, admin, uiState } = services;
  const startedAt = Date.now();
  return {
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version, startedAt }),
    'state/get': () => uiState.read(),
    'auth/signIn': () => signIn.interactive(),
    'auth/signInClientCredentials': (r) => signIn.withClientCredentials(r.clientId, r.clientSecret),
    'auth/signOut': async () => {
      await session.signOut();
      await tracking.forgotten();
      return null;
    },
    'password/info': (r) => passwords.info(r),
    'password/submit': (r) => passwords.submit(r),
    'tracker/pollNow': async () => {
      await (await tracking.tracker()).pollDue();
      return null;
    },
    'tracker/markSeen': async () => {
      await (await tracking.tracker()).markSeen();
      return null;
    },
    'tracker/clearHistory': async () => {
      await (await tracking.tracker()).clearHistory();
      return null;
    },
    'tracker/summary': async () => ({ changes: await (await tracking.tracker()).summaryChanges(), generatedAt: Date.now() }),
    'settings/update': async (r) => {
      const result = await settings.edit(r.edit);
      // Saved means in force: a watched site saved now gets the prompt on the next page the employee opens there. The
      // settings watcher asks for the same pass; the two run one after the other (see syncContentScripts). Other
      // edits leave the page chunk unloaded.
      const watched = 'expiryPagePatterns' in r.edit ? pagePrompt.syncContentScripts() : Promise.resolve();
      await Promise.all([uiState.flush(), watched].map((step) => step.catch(() => undefined)));
      return result;
    },
    'expiry/report': (r, _context, sender) => pagePrompt.report(r.kind, r.daysLeft, sender),
    'expiry/snooze': async (_r, _context, sender) => {
      await pagePrompt.snooze(sender);
      return null;
    },
    'expiry/openChange': async (_r, _context, sender) => {
      await pagePrompt.openChange(sender);
      return null;
    },
    'expiry/classify': async (_r, _context, sender) => {
      await pagePrompt.injectClassifier(sender);
      return null;
    },
    'clipboard/scheduleWipe': async (r) => {
      await services.clipboardWiper.schedule({ salt: r.salt, digest: r.digest });
      return null;
    },
    'admin/request': (r) => admin.relay(r),
    'admin/diagnostics': () => admin.diagnostics(),
  };
}

/**
 * The router, with failures turned into explanations the UI can show (`explain`, from the worker's network chunk).
 * Requests whose handlers need no chunk are checked against the listener's own schemas; the others against the
 * schemas shipped with the chunks (`chunkSchemaOf`, from the requests chunk), before their handler loads them anyway.
 */
export function createWorkerRouter(
  services: Omit<WorkerServices, 'route'>,
  identity: { extensionId: string; extensionOrigin: string },
  explain: Explain,
  chunkSchemaOf: RequestSchemaLookup,
) {
  const listenerSchemaOf = requestSchemaLookup(listenerRequestSchemas);
  const schemaOf: RequestSchemaLookup = (type) => listenerSchemaOf(type) ?? chunkSchemaOf(type);
  return createRouterWithSchemas(schemaOf, createHandlers(services), identity, (error) => {
    try {
      return explain(error);
    } catch {
      // The explanation's chunk would not load: the failure stays generic rather than unanswered.
      return undefined;
    }
  });
}

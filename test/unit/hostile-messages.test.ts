import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedSenders, type Envelope, RequestSchema, type RequestType, type SenderContext } from '@/utils/messages/protocol';
import { createRouter, type Handlers, type SenderInfo } from '@/utils/messages/router';
import { casesRun, check, counted, jsonish, mutated, nastyString, storedValue } from '../fixtures/hostile/arbitraries';
import { requestTypes, sampleRequests } from '../fixtures/hostile/messages';

/**
 * Hostile messages: anything a content script, another extension or a web page manages to deliver to the
 * router gets an envelope back, and a handler runs only for a valid request from a context `allowedSenders`
 * lists for its type.
 */

const extensionId = 'abcdefghijklmnopabcdefghijklmnop';
const extensionOrigin = `chrome-extension://${extensionId}`;

/** Who can be on the other end, and what the protocol table says each one is. */
const senders: Array<{ name: string; sender: SenderInfo; context: SenderContext | null }> = [
  { name: 'popup', sender: { id: extensionId, url: `${extensionOrigin}/popup.html` }, context: 'extension-page' },
  {
    name: 'options page in a tab',
    sender: { id: extensionId, url: `${extensionOrigin}/options.html`, tab: { id: 3, url: `${extensionOrigin}/options.html` }, frameId: 0 },
    context: 'extension-page',
  },
  {
    name: 'content script',
    sender: {
      id: extensionId,
      url: 'https://login.corp.example/expired',
      tab: { id: 7, url: 'https://login.corp.example/expired' },
      frameId: 0,
    },
    context: 'content-script',
  },
  {
    name: 'content script in a subframe',
    sender: { id: extensionId, url: 'https://ads.example/frame', tab: { id: 7, url: 'https://news.example/' }, frameId: 12 },
    context: 'content-script',
  },
  {
    name: 'our page framed by a web page',
    sender: { id: extensionId, url: `${extensionOrigin}/popup.html`, tab: { id: 9, url: 'https://evil.example/' }, frameId: 4 },
    context: 'content-script',
  },
  {
    name: 'another extension',
    sender: { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/x.html' },
    context: null,
  },
  {
    name: 'another extension claiming our page',
    sender: { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: `${extensionOrigin}/popup.html` },
    context: null,
  },
  { name: 'a web page (no extension id)', sender: { url: 'https://evil.example/', origin: 'https://evil.example' }, context: null },
  { name: 'nobody', sender: {}, context: null },
];

function recordingRouter() {
  const reached: Array<{ type: string; context: SenderContext }> = [];
  const handlers = Object.fromEntries(
    requestTypes.map((type) => [
      type,
      (_request: unknown, context: SenderContext) => {
        reached.push({ type, context });
        return { handled: type };
      },
    ]),
  ) as unknown as Handlers;
  return { route: createRouter(handlers, { extensionId, extensionOrigin }), reached };
}

function checkEnvelope(envelope: Envelope<unknown>): void {
  check(typeof envelope === 'object' && envelope !== null && typeof envelope.ok === 'boolean', 'not an envelope');
  if (!envelope.ok) {
    check(['invalid-message', 'forbidden-sender', 'handler-failed'].includes(envelope.error.code), `code ${envelope.error.code}`);
    check(typeof envelope.error.message === 'string' && envelope.error.message.length < 200, 'odd error message');
  }
}

/** Arbitrary sender objects: our id or not, any URL (including ones that merely start like ours), with or without a tab. */
const anySender: fc.Arbitrary<SenderInfo> = fc.record(
  {
    id: fc.oneof(fc.constant(extensionId), fc.constant(`${extensionId}x`), fc.constant(''), nastyString),
    url: fc.oneof(
      fc.constant(`${extensionOrigin}/popup.html`),
      fc.constant(`${extensionOrigin}.evil.example/`),
      fc.webUrl(),
      nastyString,
      nastyString.map((path) => `${extensionOrigin}/${path}`),
    ),
    origin: fc.oneof(fc.constant(extensionOrigin), fc.webUrl()),
    tab: fc.record(
      { id: fc.integer(), url: fc.oneof(fc.constant(`${extensionOrigin}/options.html`), fc.webUrl(), nastyString) },
      { requiredKeys: [] },
    ),
    frameId: fc.integer({ min: -1, max: 50 }),
  },
  { requiredKeys: [] },
);

/** The table's reading of a sender, written from the spec rather than from the router's code. */
function expectedContext(sender: SenderInfo): SenderContext | null {
  if (sender.id !== extensionId) return null;
  // A page of ours is a URL inside our origin: the origin followed by "/", never a longer host.
  const ours = (url: string | undefined) => url?.startsWith(`${extensionOrigin}/`) === true;
  return ours(sender.url) && (sender.tab === undefined || ours(sender.tab.url)) ? 'extension-page' : 'content-script';
}

describe('hostile messages between contexts', () => {
  afterAll(() => {
    console.info('hostile-messages cases:', [...casesRun].map(([name, runs]) => `${name}=${runs}`).join(', '));
  });

  it('has a valid sample of every request type in the protocol', () => {
    expect(new Set(requestTypes)).toEqual(new Set(Object.keys(allowedSenders)));
    for (const type of requestTypes) expect(v.safeParse(RequestSchema, sampleRequests[type]).success, type).toBe(true);
  });

  describe.each(senders)('from $name', ({ sender, context }) => {
    it.each(requestTypes)('%s is answered exactly as allowedSenders says', async (type: RequestType) => {
      const { route, reached } = recordingRouter();
      const envelope = await route(structuredClone(sampleRequests[type]), structuredClone(sender));
      const allowed = context !== null && allowedSenders[type].includes(context);
      if (allowed) {
        expect(envelope).toEqual({ ok: true, value: { handled: type } });
        expect(reached).toEqual([{ type, context }]);
      } else {
        expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
        expect(reached).toEqual([]);
      }
    });
  });

  it('answers any value from any sender with an envelope, and never runs a handler for an invalid one', async () => {
    const message = fc.oneof(
      storedValue,
      fc.record({ type: fc.oneof(fc.constantFrom(...requestTypes), nastyString) }),
      fc
        .constantFrom(...requestTypes)
        .chain((type) => mutated(sampleRequests[type] as Record<string, unknown>, fc.oneof(jsonish, nastyString))),
    );
    await fc.assert(
      fc.asyncProperty(message, anySender, async (raw, sender) => {
        const { route, reached } = recordingRouter();
        const envelope = await route(raw, sender);
        checkEnvelope(envelope);
        const parsed = v.safeParse(RequestSchema, raw);
        if (!parsed.success) {
          check(!envelope.ok && envelope.error.code === 'invalid-message', 'an invalid message was not refused as such');
          check(reached.length === 0, 'a handler ran for an invalid message');
          return;
        }
        const context = expectedContext(sender);
        const allowed = context !== null && allowedSenders[parsed.output.type].includes(context);
        check(envelope.ok === allowed, `${parsed.output.type} from ${JSON.stringify(sender)}: ok=${envelope.ok}, expected ${allowed}`);
        check(reached.length === (allowed ? 1 : 0), 'handler reached the wrong number of times');
        if (allowed) check(reached[0]?.context === context, 'handler saw the wrong context');
      }),
      counted('router: any value × any sender', 4_000),
    );
  });

  it('every request type × every sender context matches allowedSenders, for generated senders too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...requestTypes), anySender, async (type, sender) => {
        const { route, reached } = recordingRouter();
        const envelope = await route(structuredClone(sampleRequests[type]), sender);
        const context = expectedContext(sender);
        const allowed = context !== null && allowedSenders[type].includes(context);
        check(envelope.ok === allowed, `${type}: ok=${envelope.ok}, expected ${allowed}`);
        check(!allowed || reached[0]?.context === context, 'handler saw the wrong context');
        if (!allowed)
          check(!envelope.ok && envelope.error.code === 'forbidden-sender' && reached.length === 0, 'refusal reached a handler');
      }),
      counted('router: request type × generated sender', 3_000),
    );
  });

  it("hides a failing handler's error text, which could echo a secret", async () => {
    const secret = 'pat-secret-SECRET-ee21';
    const handlers = Object.fromEntries(
      requestTypes.map((type) => [
        type,
        () => {
          throw new Error(`upstream said: ${secret}`);
        },
      ]),
    ) as unknown as Handlers;
    const route = createRouter(handlers, { extensionId, extensionOrigin });
    for (const type of requestTypes) {
      const context = allowedSenders[type][0]!;
      const sender = senders.find((candidate) => candidate.context === context)!.sender;
      const envelope = await route(sampleRequests[type], sender);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'handler-failed' } });
      expect(JSON.stringify(envelope)).not.toContain(secret);
    }
  });
});

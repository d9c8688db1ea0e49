import { render } from 'preact';
import { browser } from 'wxt/browser';
import { setTranslator } from '@/components/i18n';
import { PopupApp } from '@/components/popup/PopupApp';
import { createPopupStore } from '@/components/popup/store';
import { createTranslator, lookupIn, type Translator } from '@/utils/i18n/translate';
import type { UiState } from '@/utils/messages/views';
import { browserTranslator, loadMessages } from '../shared/i18n';
import { clearKeptFrame, keepFirstFrame } from '../shared/kept-frame';
import { keepWorkerStates, paintTranslator, readKeptState, rememberPaintMessages, stillTrue, stillTrueNow } from '../shared/paint-cache';
import { readUiSnapshot } from '../shared/ui-snapshot';
import { connectToWorker, pageBrowser } from '../shared/worker-client';
import '@/components/theme.css';
import '@/components/popup/popup.css';

/**
 * The popup paints its first real screen in the same task that loads it: from the state it last showed (kept
 * synchronously readable, see paint-cache.ts), with no wait for the worker, storage or a locale file; a signed-in
 * state from before a browser start paints signed out, as the start left the employee (Firefox, without cookies in
 * extension pages, asks storage.session first, see paint-cache.ts). Only a popup that has never
 * been shown (or whose kept copy is unusable) reads the worker's snapshot from storage first; it shows the boot
 * skeleton meanwhile, never a guessed screen. The worker's pushed state then replaces either.
 */
function start(): void {
  // For the benchmark's toolbar rows (bench/toolbar-probe.ts): when popup-frame.js's start of this module took effect.
  performance.mark('rekey:module-start');
  // The layout (toolbar popup, or a page in a tab or window) was decided by popup-frame.js, which starts this module.
  const keptState = readKeptState();
  const remembered = stillTrueNow(keptState);
  // A kept signed-in state only storage.session can vouch for (see paint-cache.ts's stillTrueNow) is checked against
  // storage.session: one round trip, asked before the messages are read below, so that it runs meanwhile.
  const checked = remembered === undefined ? stillTrue(keptState) : undefined;
  // The language a policy forces does not depend on the sign-in: the kept state's, whatever storage.session answers.
  const language = keptState?.settings.settings.language ?? '';
  const keptMessages = paintTranslator(language);
  const translator = keptMessages ?? (language ? null : browserTranslator());
  if (remembered && translator) {
    mount(remembered, translator, language, !keptMessages, true);
    return;
  }
  void (async () => {
    // Only a popup with no kept state (or no kept messages for a forced language) reads the worker's mirror, which can
    // be from before a browser start too.
    const snapshot = await (checked ?? readUiSnapshot().then(stillTrue));
    const forced = snapshot?.settings.settings.language ?? '';
    const paintable = forced === language ? keptMessages : paintTranslator(forced);
    const translator = paintable ?? (forced ? await forcedTranslator(forced) : browserTranslator());
    mount(snapshot, translator, forced, !paintable && !forced, checked !== undefined);
  })();
}

/**
 * `keepMessages`: the browser's own messages are not kept yet; they are, after the first frame, for the next popup.
 * `fromKeptState`: `snapshot` is what the kept state is still true as (as kept, or signed out by a browser start;
 * not the worker's mirror), which is what popup-frame.js can paint again: the screen rendered from it is kept as a
 * frame (kept-frame.ts).
 */
function mount(snapshot: UiState | null, translator: Translator, language: string, keepMessages: boolean, fromKeptState: boolean): void {
  setTranslator(translator);
  document.documentElement.lang = language || browser.i18n.getUILanguage();
  // The port (which wakes a stopped worker, and tells it a popup is open so it polls pending changes faster) is
  // opened once the first frame is out, so a worker starting up does not compete with the first paint. Requests
  // wake it only when made (the first one after the first paint, from PopupApp's effect).
  const firstFrameOut = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const worker = connectToWorker('popup', firstFrameOut);
  const actions = createPopupStore(worker.send, pageBrowser);
  // Before the first render, so the very first frame already shows the screen.
  actions.paint(snapshot);
  const app = document.getElementById('app')!;
  // The kept frame (popup-frame.js) goes in the same task as the live screen comes: nothing paints in between.
  clearKeptFrame(app);
  render(<PopupApp actions={actions} snapshot={snapshot} worker={worker} />, app);
  followForcedLanguage(actions.store, language, (key) =>
    render(<PopupApp key={key} actions={actions} snapshot={actions.store.getState().state} worker={worker} />, app),
  );
  markFirstScreen(actions.store);
  keepWorkerStates(actions.store);
  if (fromKeptState && snapshot) keepFirstFrame(app, snapshot, firstFrameOut);
  const messagesKept = keepMessages ? firstFrameOut.then(keepBrowserMessages) : Promise.resolve();
  void Promise.all([workerAnswered(actions.store), messagesKept]).then(() => void performance.mark('rekey:settled'));
}

/** Settles when the worker's state has reached the page (and keepWorkerStates has kept it for the next first paint). */
function workerAnswered(store: ReturnType<typeof createPopupStore>['store']): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().boot === 'ready') return resolve();
    const stop = store.subscribe((current) => {
      if (current.boot !== 'ready') return;
      stop();
      resolve();
    });
  });
}

/**
 * Performance marks for the benchmark: 'rekey:first-screen' when the first real screen (not the boot skeleton) is
 * rendered, read in browsers whose driver cannot watch an extension page from its start (Firefox); 'rekey:settled'
 * once the popup holds what the next one paints from (the worker's state, and the messages when none were kept). The
 * benchmark closes a measured popup only then: no employee closes one within milliseconds of opening it, and a popup
 * closed before would leave the next one nothing to paint from.
 */
function markFirstScreen(store: ReturnType<typeof createPopupStore>['store']): void {
  const mark = () => void performance.mark('rekey:first-screen');
  if (store.getState().state) {
    mark();
    return;
  }
  const stop = store.subscribe((current) => {
    if (!current.state) return;
    stop();
    mark();
  });
}

/** The browser's own language's messages, kept for the next popup's first paint (see paintTranslator). */
async function keepBrowserMessages(): Promise<void> {
  try {
    const { locale, dictionaries } = await loadMessages(browser.i18n.getUILanguage());
    rememberPaintMessages(locale, dictionaries);
  } catch {
    // The next popup asks the browser's message bundle again, as this one did.
  }
}

/**
 * A popup painted in the language of the state it last showed (or before a policy changed it) follows the language the
 * worker's state forces: the new messages are loaded, then the screen is rendered again in them — unless a password is
 * being typed on it (rendering again would lose it; the next popup opens in the new language anyway).
 */
function followForcedLanguage(
  store: ReturnType<typeof createPopupStore>['store'],
  mounted: string,
  renderAgain: (key: string) => void,
): void {
  let current = mounted;
  store.subscribe((next) => {
    const forced = next.state?.settings.settings.language;
    if (forced === undefined || forced === current) return;
    current = forced;
    void (forced ? forcedTranslator(forced) : Promise.resolve(browserTranslator())).then(
      (translator) => {
        const typing = [...document.querySelectorAll<HTMLInputElement>('input[type="password"]')].some((input) => input.value !== '');
        if (forced !== current || typing) return;
        setTranslator(translator);
        document.documentElement.lang = forced || browser.i18n.getUILanguage();
        renderAgain(forced || 'browser');
      },
      () => undefined,
    );
  });
}

/** Loads the forced language's messages and keeps them for the next popup's synchronous first paint. */
async function forcedTranslator(language: string): Promise<Translator> {
  const { locale, dictionaries } = await loadMessages(language);
  rememberPaintMessages(locale, dictionaries);
  return createTranslator(lookupIn(...dictionaries), locale);
}

start();

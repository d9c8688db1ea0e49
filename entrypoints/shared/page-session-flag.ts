/**
 * The storage.session flag pages set whenever they keep a state (paint-cache.ts): storage.session is emptied exactly
 * when the tokens are (a browser start, an update), so the flag says whether a kept signed-in state can still be true.
 * On its own so the worker, which only mirrors it, does not carry the pages' paint cache.
 */
export const pageSessionFlagKey = 'rekey:page-session';

/**
 * Firefox only: where the running background page keeps what it last read of the flag, for pages to read synchronously
 * through extension.getBackgroundPage() (see mirrorPageSessionFlag and paint-cache.ts's stillTrueNow). Undefined until
 * the background page has read it once.
 */
export const pageSessionMirror = 'rekeyPageSession';

export interface PageSessionMirror {
  [pageSessionMirror]?: boolean;
}

import { browser } from 'wxt/browser';
import { getSession, keys, setSession } from './storage';

/** How long a preselection waits for its popup: only the popup opened now should jump to the source. */
const preselectTtlMs = 120_000;

interface Preselect {
  sourceName: string | null;
  until: number;
}

/**
 * Opens the popup (a tab where the browser refuses), optionally straight on one password's change flow.
 * Used by the page prompt's "Change now", a notification click and its "Try again".
 */
export interface PopupOpener {
  open(preselectSource?: string | null): Promise<void>;
  /** The source the popup should open on, while the preselection is fresh. */
  preselected(): Promise<string | null>;
}

export function createPopupOpener(): PopupOpener {
  return {
    async open(preselectSource) {
      if (preselectSource !== undefined) {
        await setSession(keys.preselect, { sourceName: preselectSource, until: Date.now() + preselectTtlMs } satisfies Preselect);
      }
      try {
        await browser.action.openPopup();
      } catch {
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      }
    },
    async preselected() {
      const preselect = await getSession<Preselect>(keys.preselect);
      return preselect && preselect.until > Date.now() ? preselect.sourceName : null;
    },
  };
}

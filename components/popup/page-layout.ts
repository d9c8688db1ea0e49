/**
 * popup.html serves both the toolbar popup and a tab or window (opened where the browser refuses the
 * toolbar popup, or by "Change now" and "Try again"). Only the toolbar popup keeps the popup's fixed
 * width; anywhere else the page lays out as a page (see popup.css).
 */
export type PopupLayout = 'popup' | 'page';

/**
 * `toolbarViews` lists the windows of the extension's open toolbar popups (browser.extension.getViews({ type:
 * 'popup' })). A browser without that API keeps the popup layout: it still reflows, just at the popup's width.
 */
export function popupLayout(self: unknown, toolbarViews: () => readonly unknown[]): PopupLayout {
  try {
    return toolbarViews().includes(self) ? 'popup' : 'page';
  } catch {
    return 'popup';
  }
}

export function applyPopupLayout(root: HTMLElement, layout: PopupLayout): void {
  root.dataset.layout = layout;
}

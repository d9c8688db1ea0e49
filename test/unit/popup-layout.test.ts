import { describe, expect, it } from 'vitest';
import { applyPopupLayout, popupLayout } from '@/components/popup/page-layout';

describe('where popup.html is showing', () => {
  const self = { name: 'this page' };

  it('keeps the popup layout only inside the toolbar popup', () => {
    expect(popupLayout(self, () => [self])).toBe('popup');
  });

  it('lays out as a page in a tab or window, also while a toolbar popup is open elsewhere', () => {
    expect(popupLayout(self, () => [])).toBe('page');
    expect(popupLayout(self, () => [{ name: 'another popup' }])).toBe('page');
  });

  it('keeps the popup layout where the browser cannot list its popups', () => {
    expect(
      popupLayout(self, () => {
        throw new Error('extension.getViews is not available');
      }),
    ).toBe('popup');
  });

  it('marks the root element for the stylesheet', () => {
    const root = { dataset: {} } as HTMLElement;
    applyPopupLayout(root, 'page');
    expect(root.dataset.layout).toBe('page');
  });
});

import { describe, expect, it } from 'vitest';
import { chooseCorner, cornerBox } from '@/components/prompt/placement';

const viewport = { width: 1000, height: 800 };
const size = { width: 340, height: 120 };

describe('where the page prompt goes', () => {
  it('sits bottom-right when nothing is there', () => {
    expect(chooseCorner([], viewport, size)).toBe('bottom-right');
    expect(cornerBox('bottom-right', viewport, size)).toEqual({ left: 644, top: 664, width: 340, height: 120 });
  });

  it("never covers the page's own fields: it moves to the first free corner", () => {
    const submitBottomRight = { left: 800, top: 700, width: 150, height: 40 };
    expect(chooseCorner([submitBottomRight], viewport, size)).toBe('top-right');
    const topRightSearch = { left: 700, top: 20, width: 250, height: 30 };
    expect(chooseCorner([submitBottomRight, topRightSearch], viewport, size)).toBe('bottom-left');
  });

  it('falls back to bottom-right when every corner is taken', () => {
    const everywhere = { left: 0, top: 0, width: 1000, height: 800 };
    expect(chooseCorner([everywhere], viewport, size)).toBe('bottom-right');
  });
});

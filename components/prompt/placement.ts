/**
 * Where the prompt may sit without covering the page's own form: the first corner whose box
 * overlaps no visible input, button or select. Pure geometry, so it is unit-testable.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Corner = 'bottom-right' | 'top-right' | 'bottom-left' | 'top-left';
const corners: Corner[] = ['bottom-right', 'top-right', 'bottom-left', 'top-left'];
const margin = 16;

export function cornerBox(corner: Corner, viewport: { width: number; height: number }, size: { width: number; height: number }): Box {
  const left = corner.endsWith('right') ? viewport.width - size.width - margin : margin;
  const top = corner.startsWith('bottom') ? viewport.height - size.height - margin : margin;
  return { left, top, width: size.width, height: size.height };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

export function chooseCorner(
  fields: readonly Box[],
  viewport: { width: number; height: number },
  size: { width: number; height: number },
): Corner {
  return corners.find((corner) => !fields.some((field) => overlaps(cornerBox(corner, viewport, size), field))) ?? 'bottom-right';
}

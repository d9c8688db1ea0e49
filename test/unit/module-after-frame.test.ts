import { describe, expect, it } from 'vitest';
import { moduleAfterFrame } from '@/scripts/module-after-frame';

const built = `<head><script type="module" crossorigin src="/chunks/popup-AbC.js"></script>
    <style>x</style></head><body><div id="app"></div>
    <script src="/popup-frame.js"></script></body>`;

describe("the popup's module script, handed to the kept-frame painter (scripts/module-after-frame.ts)", () => {
  it('moves the one module script onto popup-frame.js, which starts it', () => {
    const html = moduleAfterFrame(built);
    expect(html).not.toContain('type="module"');
    expect(html).toContain('<script src="/popup-frame.js" data-module="/chunks/popup-AbC.js"></script>');
  });

  it('fails the build on a page of another shape rather than ship a popup whose script never starts', () => {
    expect(() => moduleAfterFrame(built.replace('<script src="/popup-frame.js"></script>', ''))).toThrow(/popup-frame/);
    const twoModules = built.replace('</head>', '<script type="module" crossorigin src="/chunks/other.js"></script></head>');
    expect(() => moduleAfterFrame(twoModules)).toThrow(/found 2/);
  });
});

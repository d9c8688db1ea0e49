import { describe, expect, it } from 'vitest';
import { originalModuleId, ownModuleId } from '@/scripts/page-own-modules';

describe("a page's own copies of the modules it imports (the popup's first screen in one file)", () => {
  it("gives every script module and stylesheet a copy named after the page, and finds the file again from the copy's id", () => {
    for (const id of [
      '/repo/components/i18n.ts',
      '/repo/components/popup/PopupApp.tsx',
      '/repo/node_modules/preact/dist/preact.mjs',
      '/repo/components/theme.css',
    ]) {
      const own = ownModuleId(id, 'rekey-popup');
      expect(own).toBe(`${id}?rekey-popup`);
      expect(originalModuleId(own!, 'rekey-popup')).toBe(id);
    }
  });

  it("copies the bundler's virtual helpers too (the dynamic-import preloader), which would otherwise be a shared chunk", () => {
    expect(ownModuleId('\0vite/preload-helper.js', 'rekey-popup')).toBe('\0vite/preload-helper.js?rekey-popup');
    expect(originalModuleId('\0vite/preload-helper.js?rekey-popup', 'rekey-popup')).toBe('\0vite/preload-helper.js');
  });

  it('leaves ids that carry a query of their own and files that are not modules shared', () => {
    expect(ownModuleId('/repo/components/logo.svg', 'rekey-popup')).toBeUndefined();
    expect(ownModuleId('/repo/locales/en.json', 'rekey-popup')).toBeUndefined();
    expect(ownModuleId('/repo/components/theme.css?inline', 'rekey-popup')).toBeUndefined();
  });

  it("does not take another page's copy, or an original module, for a copy", () => {
    expect(originalModuleId('/repo/components/i18n.ts', 'rekey-popup')).toBeUndefined();
    expect(originalModuleId('/repo/components/i18n.ts?rekey-options', 'rekey-popup')).toBeUndefined();
  });
});

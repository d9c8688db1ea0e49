import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTour } from '../../scripts/tour';

describe('the headless tour behind `npm start`', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'rekey-tour-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('walks through sign-in, a change, the expiry prompt, settings, administration, the sources editor and narrow windows, writing real screenshots', async () => {
    const shots = await runTour(outDir);
    expect(shots.map((s) => s.file)).toEqual(
      expect.arrayContaining([
        '01-signed-out.png',
        '02-choose.png',
        '07-finished.png',
        '08-expiry-prompt.png',
        '09-options.png',
        '10-administration.png',
        '11-sources-editor.png',
        '12-sources-picker.png',
        '13-popup-in-tab.png',
        '14-popup-zoom-400.png',
        '15-expiry-prompt-zoom-400.png',
      ]),
    );
    for (const shot of shots) {
      const png = readFileSync(join(outDir, shot.file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // A blank 360×600 PNG compresses to well under 5 kB; a rendered screen does not.
      expect(statSync(join(outDir, shot.file)).size).toBeGreaterThan(5_000);
    }
    const index = readFileSync(join(outDir, 'index.html'), 'utf8');
    for (const shot of shots) expect(index).toContain(shot.file);
  }, 120_000);
});

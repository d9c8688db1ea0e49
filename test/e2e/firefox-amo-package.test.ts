import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputDir } from '@/sandbox/browser/build-dir';
import { type FirefoxSession, launchFirefoxExtension } from '@/sandbox/browser/firefox';
import { puppeteerPage, testId } from '@/sandbox/browser/harness';

const root = join(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
/**
 * A build directory of its own: the tests that read the ordinary build (manifest, sizes) may run while
 * this one is written.
 */
const packageDir = `${outputDir}-amo`;
/** What `npm run zip` uploads to AMO for Firefox (WXT names it after package.json). */
const firefoxZip = join(packageDir, `rekey-${version}-firefox.zip`);

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => statSync(join(dir, entry)).isFile())
    .map((entry) => relative(dir, join(dir, entry)))
    .sort();
}

/**
 * The package for addons.mozilla.org is the file the tests install: built here exactly as
 * `npm run zip` builds it, then installed into Firefox as the archive itself. (web-ext lint runs on
 * the same files in `npm run lint:firefox`, which fails on any warning.)
 */
describe('the AMO package for Firefox', () => {
  let session: FirefoxSession;

  beforeAll(() => {
    // The Firefox half of `npm run zip`.
    execFileSync('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3'], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, REKEY_OUT_DIR: packageDir },
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('holds exactly the files of the Firefox build, and no source maps', () => {
    const zipped = execFileSync('unzip', ['-Z1', firefoxZip], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line && !line.endsWith('/'))
      .sort();
    expect(zipped).toEqual(filesUnder(join(packageDir, 'firefox-mv3')));
    expect(zipped.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('installs in Firefox as the archive itself, and its worker and popup answer', async () => {
    session = await launchFirefoxExtension({ archive: firefoxZip });
    const popup = puppeteerPage(await session.openPopup());
    const reply = await popup.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ type: 'ping' }),
    );
    expect(reply).toMatchObject({ ok: true, value: { pong: true, version } });
    // Nothing configured yet: the popup explains what is missing.
    await popup.waitFor(testId('misconfigured'));
    expect(await popup.text('h1')).toBe('Rekey');
  });
});

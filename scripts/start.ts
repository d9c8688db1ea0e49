/**
 * `npm start`: build the extension and open Chromium with it loaded. Without a display,
 * run a scripted headless tour instead and write screenshots to .output/tour/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtension } from '../test/e2e/harness';

const root = resolve(import.meta.dirname, '..');
const tourDir = resolve(root, '.output/tour');

async function main() {
  console.log('Building the extension…');
  execSync('npx wxt build', { cwd: root, stdio: 'inherit' });

  const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.REKEY_HEADLESS !== '1';
  const session = await launchExtension({ headless: !headed });
  if (headed) {
    await session.openPopup();
    console.log(`Chromium is open with Rekey loaded (extension id ${session.extensionId}).`);
    console.log('Close the browser window or press Ctrl-C to stop.');
    process.on('SIGINT', () => void session.close().then(() => process.exit(0)));
    await new Promise<void>((done) => session.context.on('close', () => done()));
    return;
  }

  mkdirSync(tourDir, { recursive: true });
  const popup = await session.openPopup();
  await popup.getByTestId('worker-status').and(popup.locator('[data-state="ready"]')).waitFor({ timeout: 15_000 });
  const shot = resolve(tourDir, '01-popup.png');
  await popup.screenshot({ path: shot });
  await session.close();
  console.log(`No display found: ran the headless tour. Screenshot: ${shot}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

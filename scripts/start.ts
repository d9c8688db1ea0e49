/**
 * `npm start`: build, start the sandbox tenant with the demo users, configure the extension for
 * it and open Chromium. Without a display, run the scripted headless tour instead.
 */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { e2eExtensionDir, launchExtension } from '@/sandbox/browser/chromium';
import { configure, sandboxSettings } from '@/sandbox/browser/journeys';
import { expiredPage, startPagesServer } from '@/sandbox/pages/server';
import { startTenant } from '@/sandbox/tenant';
import { runTour } from './tour';

const root = resolve(import.meta.dirname, '..');
const tourDir = resolve(root, '.output/tour');

async function main() {
  console.log('Building the extension…');
  execSync('npx wxt build --mode e2e', { cwd: root, stdio: 'inherit' });
  const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.REKEY_HEADLESS !== '1';

  if (!headed) {
    console.log('No display found: running the headless tour…');
    const shots = await runTour(tourDir, (line) => console.log(line));
    console.log(`\n${shots.length} screenshots and an index page in ${tourDir}/ (open index.html).`);
    return;
  }

  const tenant = await startTenant({ port: Number(process.env.REKEY_TENANT_PORT ?? 0) });
  const site = await startPagesServer({ '/password-expired': expiredPage });
  const session = await launchExtension({ headless: false, dir: e2eExtensionDir });
  await configure(session, sandboxSettings(tenant, { expiryPagePatterns: ['http://127.0.0.1/* | Active Directory'] }));
  await session.openPopup();
  console.log(`
Rekey is running.
  Sandbox tenant:  ${tenant.url}  (sign in as alice / Alice-Sandbox-1, bob / Bob-Sandbox-1, admin / Admin-Sandbox-1)
  Expiry demo:     ${site.url}/password-expired
  Extension id:    ${session.extensionId}
Close the browser window or press Ctrl-C to stop.`);
  const stop = async () => {
    await session.close().catch(() => undefined);
    await site.stop();
    await tenant.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await new Promise<void>((done) => session.context.on('close', () => done()));
  await stop();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

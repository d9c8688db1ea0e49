import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTenant, type SandboxTenant } from '../tenant';
import { loadBackground, configureFor, signInAs } from '../fixtures/faults/background';
import { encryptPassword } from '@/utils/crypto';

let tenant: SandboxTenant;
beforeAll(async () => { tenant = await startTenant({ statusDelayMs: 0 }); });
afterAll(() => tenant.stop());

it('spike', async () => {
  const bg = await loadBackground();
  await configureFor(bg, tenant);
  await signInAs(bg, tenant, 'alice');
  const view = await bg.passwords.passwordInfo({ type: 'password/info', sourceName: 'G Suite' } as never);
  const enc = await encryptPassword('Spike-Password-123', view.publicKey, 'pkcs1');
  const r = await bg.passwords.submitChange({ type: 'password/submit', sourceName: 'G Suite', sourceId: view.sourceId, identityId: view.identityId, publicKeyId: view.publicKeyId, encryptedPassword: enc, accounts: view.accounts, alsoChanges: [] } as never);
  console.log(JSON.stringify(r), tenant.setPasswordCount());
  const tr = await bg.tracking.getTracker();
  await new Promise(r => setTimeout(r, 50));
  await tr.pollDue();
  console.log(JSON.stringify(await bg.tracking.trackerView()));
  console.log(JSON.stringify(bg.browser.notifications.getAllCreateOptions?.()));
  expect(r.accounts[0]?.ok).toBe(true);
});

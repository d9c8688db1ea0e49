/** `npm run tenant -- [--port N] [--seed FILE] [--status-delay MS] [--status-readable-by-owner]`: run the sandbox tenant until Ctrl-C / SIGTERM. */
import { parseArgs } from 'node:util';
import { startTenant } from './index';

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string' },
      'status-delay': { type: 'string' },
      // Relaxes the spec's ORG_ADMIN-only status (v3, v2024+, v1) so employees read their own changes' status.
      'status-readable-by-owner': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0–65535, not "${values.port}".`);
  const tenant = await startTenant({
    port,
    ...(values.seed ? { seed: values.seed } : {}),
    ...(values['status-delay'] ? { statusDelayMs: Number(values['status-delay']) } : {}),
    ...(values['status-readable-by-owner'] ? { statusRequiresOrgAdmin: false } : {}),
  });
  console.log(`Sandbox tenant ready at ${tenant.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    tenant.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

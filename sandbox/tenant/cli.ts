/** `npm run tenant -- [--port N] [--seed FILE]`: run the sandbox tenant until Ctrl-C / SIGTERM. */
import { parseArgs } from 'node:util';
import { startTenant } from './index';

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, seed: { type: 'string' }, 'status-delay': { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0–65535, not "${values.port}".`);
  const tenant = await startTenant({
    port,
    ...(values.seed ? { seed: values.seed } : {}),
    ...(values['status-delay'] ? { statusDelayMs: Number(values['status-delay']) } : {}),
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

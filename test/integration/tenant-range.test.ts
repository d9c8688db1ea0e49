import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxTenant, startTenant } from '@/sandbox/tenant';

let tenant: SandboxTenant;

beforeAll(async () => {
  tenant = await startTenant();
});
afterAll(() => tenant.stop());

const sha1 = (password: string) => createHash('sha1').update(password).digest('hex').toUpperCase();

async function range(prefix: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${tenant.url}/range/${prefix}`, { headers });
  return { response, lines: (await response.text()).split('\r\n').filter(Boolean) };
}

describe('the Pwned Passwords range endpoint', () => {
  it.each(['Password1!', 'Summer2026!', 'Winter2025!', 'Welcome123!', 'Passw0rd!2024', 'Company123!'])(
    'reports %s as breached through its 5-character prefix only',
    async (password) => {
      const hash = sha1(password);
      const { response, lines } = await range(hash.slice(0, 5));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const line = lines.find((candidate) => candidate.startsWith(hash.slice(5)));
      expect(line).toMatch(/^[0-9A-F]{35}:[1-9]\d*$/);
    },
  );

  it('accepts a lower-case prefix', async () => {
    const hash = sha1('Password1!');
    const { lines } = await range(hash.slice(0, 5).toLowerCase());
    expect(lines.some((line) => line.startsWith(hash.slice(5)))).toBe(true);
  });

  it('does not report a password that is not in the list', async () => {
    const hash = sha1('Correct-Horse-Battery-Staple-42');
    const { lines } = await range(hash.slice(0, 5));
    expect(lines.some((line) => line.startsWith(hash.slice(5)))).toBe(false);
  });

  it.each(['ABCD', 'ABCDEF', 'GHIJK', '12 45'])('answers 400 for the prefix "%s"', async (prefix) => {
    expect((await range(encodeURIComponent(prefix))).response.status).toBe(400);
  });

  it('pads answers to at least 800 lines of count-0 fake suffixes with Add-Padding: true', async () => {
    const hash = sha1('Welcome123!');
    const { lines } = await range(hash.slice(0, 5), { 'Add-Padding': 'true' });
    expect(lines.length).toBeGreaterThanOrEqual(800);
    for (const line of lines) expect(line).toMatch(/^[0-9A-F]{35}:\d+$/);
    const real = lines.filter((line) => !line.endsWith(':0'));
    expect(real.some((line) => line.startsWith(hash.slice(5)))).toBe(true);
    const { lines: empty } = await range('00000', { 'Add-Padding': 'true' });
    expect(empty.length).toBeGreaterThanOrEqual(800);
    expect(empty.every((line) => line.endsWith(':0'))).toBe(true);
  });

  it('answers CORS for any origin', async () => {
    const response = await fetch(`${tenant.url}/range/ABCDE`, { headers: { Origin: 'https://any.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://any.example');
    const preflight = await fetch(`${tenant.url}/range/ABCDE`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://any.example', 'Access-Control-Request-Headers': 'add-padding' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Add-Padding');
  });

  it('logs only the prefix', async () => {
    tenant.clearRequestLog();
    const hash = sha1('Company123!');
    await range(hash.slice(0, 5));
    expect(tenant.requestLog()).toMatchObject([{ method: 'GET', path: `/range/${hash.slice(0, 5)}`, status: 200 }]);
    expect(tenant.requestLogText()).not.toContain(hash.slice(5));
  });
});

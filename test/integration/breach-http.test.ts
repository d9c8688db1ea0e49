import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkPasswordBreach, decideBreachVerdict } from '@/utils/breach';
import { type PwnedRangeServer, startPwnedRangeServer } from '../fixtures/pwned-range-server';

const breachedPasswords = ['password123', 'Sommer2024!', 'mot de passe é'];
const safePassword = 'vivid-otter-harbour-71-quill';

describe('breach check over HTTP against a local range server', () => {
  let server: PwnedRangeServer;

  beforeAll(async () => {
    server = await startPwnedRangeServer(breachedPasswords);
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.behave({});
    server.requests.length = 0;
  });

  it('finds breached passwords with their counts', async () => {
    expect(await checkPasswordBreach('password123', { endpoint: server.url })).toEqual({ status: 'breached', count: 1000 });
    expect(await checkPasswordBreach('mot de passe é', { endpoint: server.url })).toEqual({ status: 'breached', count: 3000 });
  });

  it('reports a password outside the list as not found, through padded replies', async () => {
    expect(await checkPasswordBreach(safePassword, { endpoint: server.url })).toEqual({ status: 'not-found' });
    expect(server.requests[0]?.headers['add-padding']).toBe('true');
  });

  it('sends only the prefix over the wire', async () => {
    await checkPasswordBreach('Sommer2024!', { endpoint: server.url });
    const hash = createHash('sha1').update('Sommer2024!').digest('hex').toUpperCase();
    expect(server.requests.map((request) => request.url)).toEqual([`/range/${hash.slice(0, 5)}`]);
    const wire = JSON.stringify(server.requests);
    expect(wire).not.toContain('Sommer2024');
    expect(wire).not.toContain(hash.slice(5));
  });

  it('reports a server error as unavailable, and the verdict still lets the user submit in block mode', async () => {
    server.behave({ status: 500, body: 'internal error' });
    const result = await checkPasswordBreach('password123', { endpoint: server.url });
    expect(result).toEqual({ status: 'unavailable', reason: 'http-error' });
    expect(decideBreachVerdict(result, 'block')).toMatchObject({ allowSubmit: true, severity: 'info' });
  });

  it('reports a garbled reply as a bad response', async () => {
    server.behave({ body: '<!doctype html><title>Proxy login</title>' });
    expect(await checkPasswordBreach('password123', { endpoint: server.url })).toEqual({ status: 'unavailable', reason: 'bad-response' });
  });

  it('times out on a server that does not answer in time', async () => {
    server.behave({ delayMs: 2000 });
    const started = performance.now();
    expect(await checkPasswordBreach('password123', { endpoint: server.url, timeoutMs: 150 })).toEqual({
      status: 'unavailable',
      reason: 'timeout',
    });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('times out on a reply whose body stalls after the headers', async () => {
    server.behave({ stallBodyMs: 2000 });
    expect(await checkPasswordBreach('password123', { endpoint: server.url, timeoutMs: 150 })).toEqual({
      status: 'unavailable',
      reason: 'timeout',
    });
  });

  it('reports a refused connection as a network problem', async () => {
    const closed = await startPwnedRangeServer([]);
    await closed.stop();
    expect(await checkPasswordBreach('password123', { endpoint: closed.url })).toEqual({ status: 'unavailable', reason: 'network' });
  });
});

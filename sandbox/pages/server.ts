import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny site on 127.0.0.1 serving the pages the auto-prompt tests visit. */
export async function startPagesServer(pages: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page ?? '<!doctype html><title>Not found</title><h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const expiredPage = `<!doctype html><html lang="en"><head><title>Sign in - Corp SSO</title></head><body>
<header><h1>Corp single sign-on</h1></header>
<main><div role="alert"><h2>Your password has expired</h2><p>You must change your password before you can continue.</p></div>
<form method="post" action="/change"><label>Current password <input type="password" name="current" autocomplete="current-password"></label>
<label>New password <input type="password" name="new" autocomplete="new-password"></label>
<label>Confirm new password <input type="password" name="confirm" autocomplete="new-password"></label>
<button type="submit">Change password</button></form></main></body></html>`;

export const ordinarySignInPage = `<!doctype html><html lang="en"><head><title>Sign in - Corp SSO</title></head><body>
<main><h1>Sign in</h1><form method="post" action="/login"><label>Username <input name="user" autocomplete="username"></label>
<label>Password <input type="password" name="pw" autocomplete="current-password"></label><button type="submit">Sign in</button>
<a href="/forgot">Forgot your password?</a></form></main></body></html>`;

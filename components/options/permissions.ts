/**
 * Real tenants need a host permission, asked for at runtime. The loopback sandbox answers CORS
 * for extension origins, so the demo and the tests work without a permission prompt.
 */
export function needsHostPermission(apiBaseUrl: string): boolean {
  const host = new URL(apiBaseUrl).hostname;
  return !(host === '127.0.0.1' || host === 'localhost' || host === '[::1]');
}

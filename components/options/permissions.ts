import { isLoopback } from '@/utils/auth/tenant';

/** Real tenants need a host permission, asked for at runtime; the loopback sandbox answers CORS. */
export function needsHostPermission(apiBaseUrl: string): boolean {
  return !isLoopback(apiBaseUrl);
}

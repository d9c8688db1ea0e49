import { rmSync } from 'node:fs';

/**
 * Removes a browser's profile directory once the browser was closed. Its helper processes can still be writing there
 * for a moment (a bench probe stopped on ENOTEMPTY), which Node retries on: up to 2 s, then the error stands.
 */
export function removeProfileDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
}

import { createPagePrompt } from './page-prompt';

/**
 * The password-expiry prompt's worker side: where the watcher runs and what a page's report may do. Loaded on first
 * use (entrypoints/background/chunks.ts): by a message from a watched page, or when host access or settings change.
 */
export const pageChunk = { createPagePrompt };

export type PageChunk = typeof pageChunk;

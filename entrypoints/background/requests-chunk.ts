import { chunkRequestSchemas, requestSchemaLookup } from '@/utils/messages/protocol';

/**
 * The schemas of the requests whose handlers need a chunk anyway (utils/messages/protocol.ts: `chunkRequestSchemas`):
 * the worker's router checks such a request against its schema from here before the handler runs. Loaded on first use
 * (entrypoints/background/chunks.ts), by the first such request of a worker life.
 */
export const requestsChunk = { requestSchemaOf: requestSchemaLookup(chunkRequestSchemas) };

export type RequestsChunk = typeof requestsChunk;

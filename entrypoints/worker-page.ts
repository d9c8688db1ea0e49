import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerChunk } from './background/chunks';
import { pageChunk } from './background/page-chunk';

/** The worker's page-prompt chunk as a script file of its own (see entrypoints/background/chunks.ts). */
export default defineUnlistedScript(() => registerChunk('page', pageChunk));

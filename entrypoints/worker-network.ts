import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerChunk } from './background/chunks';
import { networkChunk } from './background/network-chunk';

/** The worker's network chunk as a script file of its own (see entrypoints/background/chunks.ts). */
export default defineUnlistedScript(() => registerChunk('network', networkChunk));

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerChunk } from './background/chunks';
import { rareChunk } from './background/rare-chunk';

/** The worker's chunk for rare events as a script file of its own (see entrypoints/background/chunks.ts). */
export default defineUnlistedScript(() => registerChunk('rare', rareChunk));

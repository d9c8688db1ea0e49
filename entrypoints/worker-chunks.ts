import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerChunk } from './background/chunks';
import { networkChunk } from './background/network-chunk';
import { pageChunk } from './background/page-chunk';
import { rareChunk } from './background/rare-chunk';
import { requestsChunk } from './background/requests-chunk';

/** The worker's chunks in one script file of their own (see entrypoints/background/chunks.ts). */
export default defineUnlistedScript(() => {
  registerChunk('network', networkChunk);
  registerChunk('page', pageChunk);
  registerChunk('rare', rareChunk);
  registerChunk('requests', requestsChunk);
});

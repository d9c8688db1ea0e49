import { resolve } from 'node:path';

/**
 * Where `npm run build` wrote the extension. `REKEY_OUT_DIR` (also read by wxt.config.ts) lets two
 * builds on one machine keep out of each other's way.
 */
export const outputDir = resolve(import.meta.dirname, '../..', process.env.REKEY_OUT_DIR ?? '.output');

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

interface RenderedChunk {
  type: 'chunk';
  fileName: string;
  modules: Record<string, { renderedLength: number }>;
}

/**
 * A Vite plugin that writes, for each entry chunk it names, how many minified bytes every module contributes
 * (Rollup/Rolldown's own per-module rendered length). `bench/size.ts` prints the top contributors.
 */
export function moduleSizes(options: { file: string; chunks: string[]; root: string }) {
  return {
    name: 'rekey:module-sizes',
    apply: 'build' as const,
    generateBundle(_outputOptions: unknown, bundle: Record<string, { type: string }>) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const chunk = output as RenderedChunk;
        if (!options.chunks.includes(chunk.fileName)) continue;
        const modules = Object.entries(chunk.modules)
          .map(([id, m]) => ({ id: relative(options.root, id.replace(/^\0/, '')), bytes: m.renderedLength }))
          .sort((a, b) => b.bytes - a.bytes);
        mkdirSync(dirname(options.file), { recursive: true });
        writeFileSync(options.file, JSON.stringify({ chunk: chunk.fileName, modules }, null, 2));
      }
    },
  };
}

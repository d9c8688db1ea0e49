import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

interface RenderedChunk {
  type: 'chunk';
  fileName: string;
  name: string;
  modules: Record<string, { renderedLength: number }>;
}

/**
 * A Vite plugin that writes, for each chunk it names (file name or chunk name), how many bytes every module
 * contributes (Rollup/Rolldown's own per-module rendered length, before minification). `bench/size.ts` prints the
 * worker's top contributors.
 */
export function moduleSizes(options: { file: (chunk: string) => string; chunks: string[]; root: string }) {
  return {
    name: 'rekey:module-sizes',
    apply: 'build' as const,
    generateBundle(_outputOptions: unknown, bundle: Record<string, { type: string }>) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const chunk = output as RenderedChunk;
        const wanted = options.chunks.find((name) => chunk.fileName === name || chunk.name === name);
        if (!wanted) continue;
        const modules = Object.entries(chunk.modules)
          .map(([id, m]) => ({ id: relative(options.root, id.replace(/^\0/, '').replace(/\?.*$/, '')), bytes: m.renderedLength }))
          .sort((a, b) => b.bytes - a.bytes);
        const file = options.file(wanted);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify({ chunk: chunk.fileName, modules }, null, 2));
      }
    },
  };
}

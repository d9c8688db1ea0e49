import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RealPageLabel } from './build';

export type { RealPageLabel } from './build';

export interface RealPage extends RealPageLabel {
  html: string;
}

export const REAL_CORPUS_DIR = fileURLToPath(new URL('.', import.meta.url));

export function readRealLabels(): RealPageLabel[] {
  return JSON.parse(readFileSync(`${REAL_CORPUS_DIR}/manifest.json`, 'utf8')) as RealPageLabel[];
}

/** The real-product pages of one part (or both), as committed (build.ts regenerates them). */
export function loadRealCorpus(part?: RealPageLabel['part']): RealPage[] {
  return readRealLabels()
    .filter((label) => !part || label.part === part)
    .map((label) => ({ ...label, html: readFileSync(`${REAL_CORPUS_DIR}/${label.file}`, 'utf8') }));
}

/** One page by its id (`okta-expiring-in-days-en`), whichever part it is in. */
export function readRealPage(id: string): RealPage {
  const label = readRealLabels().find((candidate) => candidate.file.endsWith(`/${id}.html`));
  if (!label) throw new Error(`no real-corpus page ${id}`);
  return { ...label, html: readFileSync(`${REAL_CORPUS_DIR}/${label.file}`, 'utf8') };
}

import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers are enforced by `npm run lint` (Biome's noRestrictedImports per folder, biome.json). These cases
 * lint a probe as if it lived in each folder, so a loosened rule fails here rather than in review.
 */
const root = resolve(import.meta.dirname, '../..');

const refusedCases: [string, string][] = [
  ['utils', "import { browser } from 'wxt/browser';"],
  ['utils', "import { render } from 'preact';"],
  ['utils', "import { t } from '@/components/i18n';"],
  ['utils', "import { startWorker } from '@/entrypoints/background/listeners';"],
  ['components', "import { browser } from 'wxt/browser';"],
  ['components/popup', "import { OptionsApp } from '@/components/options/OptionsApp';"],
  ['components/options', "import { createPopupStore } from '@/components/popup/store';"],
  ['entrypoints/background', "import { t } from '@/components/i18n';"],
  ['scripts', "import { englishDictionary } from '@/test/fixtures/popup/english';"],
  ['bench', "import { openPopup } from '../test/fixtures/faults/background';"],
];
const allowedCases: [string, string][] = [
  ['utils', "import * as v from 'valibot';"],
  ['components/popup', "import { toUserError } from '@/components/worker';"],
  ['entrypoints/popup', "import { browser } from 'wxt/browser';"],
  ['entrypoints/background', "import { browser } from 'wxt/browser';"],
];

/** Each probe is written into the folder it speaks for (Biome's rules are per path) and linted in one run. */
const probes = [...refusedCases, ...allowedCases].map(([folder, line], index) => ({
  folder,
  line,
  path: `${folder}/zz-layer-probe-${process.pid}-${index}.ts`,
}));
let report = '';

beforeAll(() => {
  for (const probe of probes)
    writeFileSync(resolve(root, probe.path), `${probe.line}\nexport const probe = ${JSON.stringify(probe.line)};\n`);
  const result = spawnSync('npx', ['biome', 'lint', '--max-diagnostics=200', ...probes.map((p) => p.path)], {
    cwd: root,
    encoding: 'utf8',
  });
  report = `${result.stdout}${result.stderr}`;
}, 60_000);

afterAll(() => {
  for (const probe of probes) rmSync(resolve(root, probe.path), { force: true });
});

/** Biome names each finding as `path:line:column lint/group/rule`. */
const refused = (folder: string, line: string) => {
  const probe = probes.find((p) => p.folder === folder && p.line === line)!;
  return report.split('\n').some((row) => row.startsWith(`${probe.path}:`) && row.includes('lint/style/noRestrictedImports'));
};

describe('layer rules', () => {
  it.each(refusedCases)('refuses in %s/: %s', (folder, line) => {
    expect(refused(folder, line)).toBe(true);
  });

  it.each(allowedCases)('allows in %s/: %s', (folder, line) => {
    expect(refused(folder, line)).toBe(false);
  });
});

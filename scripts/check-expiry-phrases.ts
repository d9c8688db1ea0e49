/**
 * Checks the expiry phrase data (utils/expiry/phrase-data.ts + phrase-sources.json) against the mined bundles:
 * - every row has a source, and the source's text in bench/expiry-corpus/real/strings.json is the row's text,
 *   verbatim but for markup tags (no guessed wording where a bundle exists);
 * - no row comes from a product held out of tuning (FreeIPA), so the held-out figures stay honest;
 * - every language a tuned product ships is complete: it has each kind of message that product's English has.
 * Run: npx tsx scripts/check-expiry-phrases.ts (also run by test/unit/expiry-phrases.test.ts).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isHeldOutSource } from '@/bench/expiry-corpus/real/build';
import { withoutMarkup } from '@/utils/expiry/markup';
import { PHRASE_DATA } from '@/utils/expiry/phrase-data';
import { PHRASE_ROLES, type PhraseRole } from '@/utils/expiry/phrase-roles';
import type { MinedString } from './mine-expiry-strings';

const read = <T>(path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const baseLang = (lang: string) => (lang.startsWith('zh') ? lang : lang.split('-')[0]!);

export function checkExpiryPhrases(
  rows: ReadonlyArray<readonly [string, PhraseRole, string]> = PHRASE_DATA,
  sources: readonly string[] = read<string[]>('../utils/expiry/phrase-sources.json'),
  mined: readonly MinedString[] = read<MinedString[]>('../bench/expiry-corpus/real/strings.json'),
): string[] {
  const problems: string[] = [];
  if (rows.length !== sources.length) problems.push(`${rows.length} phrase rows but ${sources.length} sources`);
  const bySource = new Map(mined.map((entry) => [entry.source, entry]));
  for (const [i, [lang, role, text]] of rows.entries()) {
    const source = sources[i];
    const where = `row ${i} (${lang} ${role} "${text.slice(0, 40)}")`;
    // repository[@commit]:path:key, or a documentation page's URL#key.
    if (!source || !/^(?:[\w.-]+\/[\w.-]+[@:]\S+:\S+|https:\/\/\S+#\S+)/.test(source)) {
      problems.push(`${where}: no source`);
      continue;
    }
    const entry = bySource.get(source);
    if (!entry) {
      problems.push(`${where}: source ${source} is not among the mined bundle strings`);
      continue;
    }
    // Verbatim but for markup (tags and their attributes), which the build drops.
    if (withoutMarkup(entry.text) !== text) problems.push(`${where}: text differs from its source ${source}`);
    if (baseLang(entry.lang) !== lang) problems.push(`${where}: language differs from its source (${entry.lang})`);
    if (isHeldOutSource(entry.product, entry.lang)) problems.push(`${where}: comes from held-out ${entry.product} (${entry.lang})`);
    if (PHRASE_ROLES[`${entry.product}:${entry.key}`] !== role) problems.push(`${where}: role differs from PHRASE_ROLES for ${entry.key}`);
  }

  // Completeness: each (tuned product, language) has every role the product's English bundle provides, unless the
  // product itself has no translation of that message in the language (it then shows English, which is covered).
  const present = new Set(rows.map(([lang, role]) => `${lang}|${role}`));
  const tuned = mined.filter((entry) => !isHeldOutSource(entry.product, entry.lang));
  const roleOf = (entry: MinedString) => PHRASE_ROLES[`${entry.product}:${entry.key}`];
  for (const product of new Set(tuned.map((entry) => entry.product))) {
    const ofProduct = tuned.filter((entry) => entry.product === product);
    const roles = new Set(ofProduct.filter((entry) => entry.lang === 'en').flatMap((entry) => roleOf(entry) ?? []));
    roles.delete('other');
    for (const lang of new Set(ofProduct.map((entry) => entry.lang))) {
      const translated = new Set(ofProduct.filter((entry) => entry.lang === lang).flatMap((entry) => roleOf(entry) ?? []));
      for (const role of roles) {
        if (!translated.has(role)) continue;
        if (!present.has(`${baseLang(lang)}|${role}`))
          problems.push(`${product} ships ${lang} but the phrase data has no ${role} message in it`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = checkExpiryPhrases();
  for (const problem of problems) console.error(problem);
  const languages = new Set(PHRASE_DATA.map(([lang]) => lang));
  console.log(`${PHRASE_DATA.length} phrases in ${languages.size} languages: ${problems.length} problem(s)`);
  process.exit(problems.length ? 1 : 0);
}

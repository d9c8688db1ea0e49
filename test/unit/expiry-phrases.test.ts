import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExpiryPhrases } from '@/scripts/check-expiry-phrases';
import { PHRASE_DATA } from '@/utils/expiry/phrase-data';

const sources = (): string[] =>
  JSON.parse(readFileSync(new URL('../../utils/expiry/phrase-sources.json', import.meta.url), 'utf8')) as string[];

describe('expiry phrase data (mined from the products’ bundles, with provenance)', () => {
  it('passes its checker: every row sourced verbatim from a tuned product’s bundle, every shipped language complete', () => {
    expect(checkExpiryPhrases()).toEqual([]);
  });

  it('covers 30+ languages, including every language the Okta Sign-In Widget ships', () => {
    const languages = new Set(PHRASE_DATA.map(([lang]) => lang));
    expect(languages.size).toBeGreaterThanOrEqual(30);
    for (const lang of ['sv', 'da', 'fi', 'nb', 'cs', 'hu', 'ro', 'ru', 'uk', 'tr', 'el', 'zh-CN', 'zh-TW', 'ko', 'th', 'vi', 'id', 'ms'])
      expect(languages, lang).toContain(lang);
  });

  it('catches a row whose wording was changed from its source', () => {
    const rows = PHRASE_DATA.map((row, i) => (i === 0 ? ([row[0], row[1], `${row[2]} (edited)`] as const) : row));
    expect(checkExpiryPhrases(rows, sources()).join('\n')).toMatch(/text differs from its source/);
  });

  it('catches a row without a source, and one taken from a held-out product', () => {
    const unsourced = sources().map((source, i) => (i === 3 ? '' : source));
    expect(checkExpiryPhrases(PHRASE_DATA, unsourced).join('\n')).toMatch(/row 3 .*: no source/);
    const mined = [
      {
        product: 'freeipa',
        lang: 'en',
        key: 'password_expired',
        text: 'Your password has expired.',
        source: 'freeipa/freeipa@x:po/ipa.pot:msgid',
      },
    ];
    const rows = [['en', 'expired', 'Your password has expired.'] as const];
    expect(checkExpiryPhrases(rows, ['freeipa/freeipa@x:po/ipa.pot:msgid'], mined).join('\n')).toMatch(/held-out freeipa \(en\)/);
  });

  it('catches a language whose expiry message is missing', () => {
    const rows = PHRASE_DATA.filter(([lang, role]) => !(lang === 'sv' && role === 'expiring-days'));
    const kept = sources().filter((_, i) => !(PHRASE_DATA[i]![0] === 'sv' && PHRASE_DATA[i]![1] === 'expiring-days'));
    expect(checkExpiryPhrases(rows, kept)).toContain('okta ships sv but the phrase data has no expiring-days message in it');
  });
});

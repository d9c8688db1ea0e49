import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProperties } from '@/scripts/bundle-parsers';
import type { MinedString } from '@/scripts/mine-expiry-strings';

/**
 * The inputs committed beside the real corpus (bench/expiry-corpus/real/bundles) are what the miner reads for the
 * products that cannot be mirrored here: each mined string of those products must be found, verbatim, in them.
 */
const BUNDLES = new URL('../../bench/expiry-corpus/real/bundles/', import.meta.url);
const mined = JSON.parse(readFileSync(new URL('../../bench/expiry-corpus/real/strings.json', import.meta.url), 'utf8')) as MinedString[];

describe('vendored expiry bundles (bench/expiry-corpus/real/bundles)', () => {
  const casDir = new URL('apereo-cas/', BUNDLES);
  const excerpts = readdirSync(casDir).map((file) => ({ file, text: readFileSync(new URL(file, casDir), 'utf8') }));

  it('names, in each Apereo CAS excerpt, the commit and path it was read from', () => {
    expect(excerpts.length).toBeGreaterThanOrEqual(9);
    for (const { file, text } of excerpts) {
      expect(text).toMatch(
        new RegExp(
          `^# Excerpt of apereo/cas@[0-9a-f]{40}:support/cas-server-support-thymeleaf/src/main/resources/${file.replace('.', '\\.')} `,
        ),
      );
    }
  });

  it('finds every mined CAS string in its excerpt, under its key, at the commit its source names', () => {
    const cas = mined.filter((entry) => entry.product === 'cas');
    expect(cas.length).toBeGreaterThan(50);
    for (const entry of cas) {
      const [, commit, path, key] = /^apereo\/cas@([0-9a-f]{12}):(\S+):(\S+)$/.exec(entry.source) ?? [];
      const excerpt = excerpts.find(({ file }) => path?.endsWith(`/${file}`));
      expect(excerpt, entry.source).toBeDefined();
      expect(excerpt!.text).toContain(`apereo/cas@${commit}`);
      expect(parseProperties(excerpt!.text).get(key!)).toBe(entry.text);
    }
  });

  it('gives every documented closed-product message the page that quotes it, and mines it unchanged', () => {
    const documented = JSON.parse(readFileSync(new URL('documented/messages.json', BUNDLES), 'utf8')).messages as Array<{
      product: string;
      key: string;
      text: string;
      url: string;
    }>;
    for (const message of documented) {
      expect(message.url).toMatch(/^https:\/\//);
      expect(mined).toContainEqual({
        product: message.product,
        lang: 'en',
        key: message.key,
        text: message.text,
        source: `${message.url}#${message.key}`,
      });
    }
  });

  it('finds every mined Nextcloud string in its excerpt, which names the file and commit it copies', () => {
    const dir = new URL('nextcloud-user-ldap/', BUNDLES);
    const excerpts = new Map(
      readdirSync(dir).map((file) => {
        const excerpt = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as {
          excerptOf: string;
          messages?: string[];
          translations?: Record<string, string | string[]>;
        };
        expect(excerpt.excerptOf).toMatch(
          /^nextcloud\/server@[0-9a-f]{40}:apps\/user_ldap\/(l10n\/[A-Za-z_]+\.json|templates\/renewpassword\.php|lib\/Notification\/Notifier\.php)$/,
        );
        return [excerpt.excerptOf.replace(/@([0-9a-f]{12})[0-9a-f]{28}:/, '@$1:'), excerpt] as const;
      }),
    );
    const nextcloud = mined.filter((entry) => entry.product === 'nextcloud');
    expect(nextcloud.length).toBeGreaterThan(30);
    for (const entry of nextcloud) {
      const [, file, msgid, form] = /^(nextcloud\/server@[0-9a-f]{12}:\S+):"(.+)"(?:\[(\d)\])?$/.exec(entry.source) ?? [];
      const excerpt = excerpts.get(file!);
      expect(excerpt, entry.source).toBeDefined();
      if (excerpt!.messages) expect(excerpt!.messages).toContain(entry.text);
      else {
        const value = excerpt!.translations![msgid!];
        // Verbatim but for the surrounding whitespace the miner trims (as it does for every bundle).
        expect((form === undefined ? (value as string) : (value as string[])[Number(form)])?.trim(), entry.source).toBe(entry.text);
      }
    }
  });
});

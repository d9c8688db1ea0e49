import { CONCEPT_DATA } from './concept-data';

/**
 * A language's concept words, learned from its phrase rows (scripts/expiry-concepts.ts), for sentences no product
 * message resembles: `expiry` words mark a password's expiry (in positive messages of two products or more, and
 * rare in the "other" messages), `expired` / `expiring` words its tense, `forced` words a demand to change it
 * (with a `change` word beside it: "need" + "change"). The hard negatives' words (account, session, link, "not
 * yet", reset, wait longer…) are read off the rows at run time (templates.ts): they need no product counts.
 */
export interface LanguageConcepts {
  expiry: string[];
  expired: string[];
  expiring: string[];
  forced: string[];
  change: string[];
}

export type ConceptTable = Readonly<Record<string, LanguageConcepts>>;

const FIELDS = ['expiry', 'expired', 'expiring', 'forced', 'change'] as const;

/** One language's lists as one string ("expire expired|…"): the shipped form, a third smaller than arrays. */
export const packConcepts = (concepts: LanguageConcepts): string => FIELDS.map((field) => concepts[field].join(' ')).join('|');

function unpack(packed: string): LanguageConcepts {
  const lists = packed.split('|').map((list) => (list ? list.split(' ') : []));
  return Object.fromEntries(FIELDS.map((field, i) => [field, lists[i] ?? []])) as unknown as LanguageConcepts;
}

/** The shipped concept words, each language unpacked on first use. */
export const SHIPPED_CONCEPTS: ConceptTable = new Proxy({} as Record<string, LanguageConcepts>, {
  get(cache, lang) {
    if (typeof lang !== 'string' || !Object.hasOwn(CONCEPT_DATA, lang)) return undefined;
    cache[lang] ??= unpack(CONCEPT_DATA[lang]!);
    return cache[lang];
  },
});

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { productEntries, readMinedStrings } from '@/scripts/build-expiry-phrases';
import { type ConceptRow, deriveConcepts } from '@/scripts/expiry-concepts';
import { detectExpiry } from '@/utils/expiry';
import { CONCEPT_DATA } from '@/utils/expiry/concept-data';
import { packConcepts } from '@/utils/expiry/concepts';
import { PHRASE_DATA } from '@/utils/expiry/phrase-data';
import type { PhraseRole } from '@/utils/expiry/phrase-roles';
import { CONCEPT_SIMILARITY, hardNegativeWords, matchTemplates, withPhraseRows } from '@/utils/expiry/templates';

/**
 * The concept rule: a sentence no product message resembles is read by its language's concept words, which are
 * learned from the phrase rows (scripts/expiry-concepts.ts), never written per language. The fixture is a language
 * no rule of the detector was written for (Esperanto), as two made-up products would word it.
 */

const row = (role: PhraseRole, text: string, product: string): ConceptRow => ({ lang: 'eo', role, text, product });
const ESPERANTO: ConceptRow[] = [
  row('password-noun', 'Pasvorto', 'alfa'),
  row('expired', 'Via pasvorto eksvalidiĝis.', 'alfa'),
  row('expired', 'La pasvorto eksvalidiĝis, ŝanĝu ĝin nun.', 'beta'),
  row('expiring-days', 'Via pasvorto eksvalidiĝos post %d tagoj.', 'alfa'),
  row('expiring-soon', 'Via pasvorto eksvalidiĝos baldaŭ.', 'beta'),
  // What the products say about something else: an account, a reset link, a session, "not yet", a changed password.
  row('other', 'Via konto eksvalidiĝis.', 'alfa'),
  row('other', 'La ligilo por restarigi vian pasvorton eksvalidiĝis.', 'beta'),
  row('other', 'Via pasvorto ankoraŭ ne eksvalidiĝis.', 'beta'),
  row('other', 'Via seanco eksvalidiĝis.', 'beta'),
  row('other', 'Via pasvorto estis ŝanĝita.', 'alfa'),
  row('other', 'Ĉu vi forgesis vian pasvorton?', 'alfa'),
  row('other', 'Restarigi pasvorton', 'beta'),
  row('other', 'Vi devas atendi pli longe por ŝanĝi vian pasvorton.', 'beta'),
  row('other', 'Erara uzantnomo aŭ pasvorto.', 'alfa'),
];

/** matchTemplates over the given rows and the concept words derived from exactly those rows. */
function readWith(rows: readonly ConceptRow[], sentence: string) {
  const phraseRows = rows.map((r) => [r.lang, r.role, r.text] as const);
  return withPhraseRows(phraseRows, () => matchTemplates(sentence), deriveConcepts(rows));
}

/** The hard-negative words read off the given rows. */
function hardNegativesWith(rows: readonly ConceptRow[], lang: string) {
  const phraseRows = rows.map((r) => [r.lang, r.role, r.text] as const);
  return withPhraseRows(phraseRows, () => hardNegativeWords(lang), deriveConcepts(rows));
}

describe('expiry concept words learned from the rows', () => {
  it('takes as expiry words those two products use in both tenses, not the password or the possessive', () => {
    const words = deriveConcepts(ESPERANTO).eo!;
    expect(words.expiry).toEqual(['eksvalidigis', 'eksvalidigos']);
    expect(words.expired).toEqual(['eksvalidigis']);
    expect(words.expiring).toEqual(['eksvalidigos']);
  });

  it('learns nothing from a single product: its wording is not the language’s', () => {
    const oneProduct = ESPERANTO.map((r) => ({ ...r, product: 'alfa' }));
    expect(deriveConcepts(oneProduct)).toEqual({});
  });

  it('reads a sentence no message resembles, in a language it was never written for, with its tense', () => {
    expect(readWith(ESPERANTO, 'La pasvorto de via laborkonto eksvalidiĝis hieraŭ vespere.')).toEqual([
      expect.objectContaining({ lang: 'eo', role: 'expired', similarity: CONCEPT_SIMILARITY }),
    ]);
    expect(readWith(ESPERANTO, 'La pasvorto de via laborkonto eksvalidiĝos baldaŭ, antaŭ la fino de la monato.')).toEqual([
      expect.objectContaining({ lang: 'eo', role: 'expiring-soon' }),
    ]);
  });

  it('counts no inflection of the password as a tense word, even where only one tense’s rows inflect it', () => {
    const inflected = [
      ...ESPERANTO,
      row('expired', 'Viaj pasvortoj eksvalidiĝis.', 'alfa'),
      row('expired', 'Hodiaŭ la sistemo eksvalidigis la pasvortojn kaj la pasvortoj eksvalidiĝis.', 'beta'),
    ];
    expect(deriveConcepts(inflected).eo!.expired).toContain('pasvortoj');
    expect(readWith(inflected, 'Pasvortoj de via laborejo kaj de via retpoŝto eksvalidiĝos baldaŭ.')).toEqual([
      expect.objectContaining({ lang: 'eo', role: 'expiring-soon', similarity: CONCEPT_SIMILARITY }),
    ]);
  });

  it('takes no word as a tense word that the other messages use as often (a possessive, a preposition)', () => {
    // "vian" (your) is in two products' expired messages and no warning, but as common in the other messages.
    const withYour = [
      ...ESPERANTO,
      row('expired', 'La administranto eksvalidigis vian pasvorton.', 'alfa'),
      row('expired', 'Ni eksvalidigis vian pasvorton hodiaŭ.', 'beta'),
    ];
    expect(deriveConcepts(withYour).eo!.expired).toContain('eksvalidigis');
    expect(deriveConcepts(withYour).eo!.expired).not.toContain('vian');
  });

  it('stays silent on the hard negatives: a word only the other messages use (account, not yet) silences it', () => {
    expect(readWith(ESPERANTO, 'La pasvorto de la laborejo de Ana eksvalidiĝis hieraŭ.')).toEqual([
      expect.objectContaining({ role: 'expired' }),
    ]);
    // The same sentence about her account ("konto": only in "Via konto eksvalidiĝis"), or "not yet" expired.
    expect(readWith(ESPERANTO, 'La pasvorto de la konto de Ana eksvalidiĝis hieraŭ.')).toEqual([]);
    expect(readWith(ESPERANTO, 'La pasvorto de via laborkonto ankoraŭ ne eksvalidiĝis.')).toEqual([]);
  });

  it('stays silent on a hypothetical: a sentence must open as the language’s expiry messages do', () => {
    expect(readWith(ESPERANTO, 'Kiam via pasvorto eksvalidiĝos, vi devos ŝanĝi ĝin.')).toEqual([]);
  });

  it('needs the password named and a count of days, not of passwords', () => {
    expect(readWith(ESPERANTO, 'La konto de via laborejo eksvalidiĝis hieraŭ vespere.')).toEqual([]);
    expect(readWith(ESPERANTO, 'Via 3 pasvortoj eksvalidiĝos baldaŭ, kaj 2 estas malfortaj.')).toEqual([]);
  });

  it('goes with the rows it was derived from: other rows without their concept words read nothing by them', () => {
    const phraseRows = ESPERANTO.map((r) => [r.lang, r.role, r.text] as const);
    expect(withPhraseRows(phraseRows, () => matchTemplates('La pasvorto de via laborkonto eksvalidiĝis hieraŭ vespere.'))).toEqual([]);
  });
});

/**
 * A forced change worded "you need to change your password": the products' own demand is "must" ("devas", in the
 * "wait longer" message too), and "need" ("bezonas") is only in two products' expired messages, a tense word. The
 * change word ("ŝanĝi") is everywhere, voluntary change pages included, so it marks nothing by itself.
 */
const FORCED_CHANGE: ConceptRow[] = [
  ...ESPERANTO,
  row('expired', 'Via pasvorto eksvalidiĝis; nun vi bezonas novan.', 'alfa'),
  row('expired', 'Pasvorto eksvalidiĝinta: vi bezonas elekti alian.', 'beta'),
  row('expired', 'La pasvorto de via konto eksvalidiĝis hodiaŭ.', 'alfa'),
  row('forced', 'Via administranto postulas ŝanĝi vian pasvorton.', 'alfa'),
  row('forced', 'Necesas tuj ŝanĝi vian pasvorton, laŭ la administranto.', 'beta'),
  row('other', 'Ŝanĝi pasvorton', 'alfa'),
  row('other', 'Ŝanĝi la pasvorton', 'beta'),
  row('other', 'La pasvorto estis sukcese ŝanĝita.', 'beta'),
  row('other', 'Ĉi tie vi povas ŝanĝu vian pasvorton.', 'alfa'),
  row('other', 'Ĉu vi volas ŝanĝi vian pasvorton?', 'beta'),
];

describe('time still ahead, in the language’s CLDR wording, makes a tenseless expiry sentence a warning', () => {
  // "Validity" is an expiry word (two products, both tenses) but no tense word; "ĉesos" (will stop) is in no row.
  const VALIDITY = [
    ...ESPERANTO,
    row('expired', 'La valideco de via pasvorto finiĝis.', 'alfa'),
    row('expiring-days', 'La valideco de via pasvorto finiĝos post %d tagoj.', 'beta'),
    row('expired', 'La valideco de la pasvorto finiĝis, ŝanĝu ĝin.', 'beta'),
    row('expiring-soon', 'La valideco de la pasvorto finiĝos baldaŭ.', 'alfa'),
  ];

  it('learns the validity as an expiry word, not a tense word', () => {
    const words = deriveConcepts(VALIDITY).eo!;
    expect(words.expiry).toContain('valideco');
    expect([...words.expired, ...words.expiring]).not.toContain('valideco');
  });

  it('reads a count of days ahead, or today, as a warning with its days', () => {
    expect(readWith(VALIDITY, 'La valideco de la pasvorto de la retpoŝto kaj la intraneto de Ana ĉesos post 4 tagoj.')).toEqual([
      expect.objectContaining({ lang: 'eo', role: 'expiring-days', daysLeft: 4, similarity: CONCEPT_SIMILARITY }),
    ]);
    expect(readWith(VALIDITY, 'La valideco de la pasvorto de la retpoŝto kaj la intraneto de Ana ĉesos hodiaŭ vespere.')).toEqual([
      expect.objectContaining({ lang: 'eo', role: 'expiring-soon', similarity: CONCEPT_SIMILARITY }),
    ]);
  });

  it('warns of no count in the past, and reads nothing with no time at all: no tense word, no time ahead', () => {
    expect(readWith(VALIDITY, 'La valideco de la pasvorto de la retpoŝto kaj la intraneto de Ana ĉesis antaŭ 4 tagoj.')).not.toContainEqual(
      expect.objectContaining({ role: expect.stringMatching(/^expiring/) }),
    );
    expect(readWith(VALIDITY, 'La valideco de la pasvorto de la retpoŝto kaj la intraneto de Ana ĉesos iam.')).toEqual([]);
  });
});

describe('a sentence in a script without spaces, read by its concept words', () => {
  // Two made-up products' Japanese rows: each token is a pair of characters, so a sentence has about one per letter.
  const ja = (role: PhraseRole, text: string, product: string): ConceptRow => ({ lang: 'ja', role, text, product });
  const JAPANESE = [
    ja('password-noun', 'パスワード', 'alfa'),
    ja('expired', 'パスワードの有効期限が切れました。', 'alfa'),
    ja('expired', 'パスワードの有効期限が切れています。すぐに変更してください。', 'beta'),
    ja('expiring-days', 'パスワードの有効期限はあと%d日で切れます。', 'alfa'),
    ja('expiring-soon', 'パスワードの有効期限がまもなく切れます。ログインの後で新しいパスワードに変更してください。', 'beta'),
    ja('other', 'アカウントの有効期限が切れました。', 'alfa'),
    ja('other', '今日はパスワードのお知らせがない。', 'beta'),
  ];
  const sentence = 'パスワードの有効期限は社内の全システムで今日の夕方に終わります';

  it('reads one as long as the language’s longest expiry message, past the limit counted for spaced words', () => {
    expect(readWith(JAPANESE, sentence)).toEqual([
      expect.objectContaining({ lang: 'ja', role: 'expiring-soon', daysLeft: 0, similarity: CONCEPT_SIMILARITY }),
    ]);
  });

  it('takes the language’s CLDR name for a day (今日) for time, not for a hard negative an "other" message has', () => {
    expect(hardNegativesWith(JAPANESE, 'ja')).toContain('今日');
  });

  it('stays silent on a sentence longer than any of the language’s expiry messages', () => {
    const prose = `${sentence}。社内の全システムの利用者は夕方までに新しいものを用意して窓口で登録の手続きを済ませてください`;
    expect(readWith(JAPANESE, prose.replace('。', ''))).toEqual([]);
  });
});

describe('a demand to change the password, learned from the rows', () => {
  it('learns "need" as a tense word of the expired messages, not as a forced-change word', () => {
    const words = deriveConcepts(FORCED_CHANGE).eo!;
    expect(words.expired).toContain('bezonas');
    expect(words.forced).not.toContain('bezonas');
    expect(words.change).toContain('sangi');
  });

  it('reads "you need to change your password" as a forced change, with or without a reason after it', () => {
    expect(readWith(FORCED_CHANGE, 'Vi bezonas ŝanĝi la pasvorton.')).toEqual([expect.objectContaining({ lang: 'eo', role: 'forced' })]);
    expect(readWith(FORCED_CHANGE, 'Vi bezonas ŝanĝi la pasvorton de via laborejo.')).toEqual([
      expect.objectContaining({ role: 'forced' }),
    ]);
  });

  it('needs the change between the demand and the password, next to both: a change of something else says nothing', () => {
    expect(readWith(FORCED_CHANGE, 'Vi bezonas la pasvorton; ŝanĝi la lingvon.')).toEqual([]);
    expect(readWith(FORCED_CHANGE, 'Vi bezonas ĝin: ŝanĝi la lingvon de la pasvorto.')).toEqual([]);
  });

  it('keeps "wait longer" and a voluntary change page silent', () => {
    expect(readWith(FORCED_CHANGE, 'Vi bezonas atendi pli longe por ŝanĝi la pasvorton.')).toEqual([]);
    expect(readWith(FORCED_CHANGE, 'Ŝanĝi vian pasvorton ĉi tie')).not.toContainEqual(expect.objectContaining({ role: 'forced' }));
  });
});

/** The forced-change rows, and an "other" message about an activation link: its words are hard negatives. */
const WITH_ACTIVATION: ConceptRow[] = [...FORCED_CHANGE, row('other', 'La ligilo por aktivigi vian pasvorton eksvalidiĝis.', 'beta')];

describe('a whole demand beside a hard-negative word', () => {
  it('learns the activation link’s words as hard negatives', () => {
    withPhraseRows(
      WITH_ACTIVATION.map((r) => [r.lang, r.role, r.text] as const),
      () => expect(hardNegativeWords('eo')).toEqual(expect.arrayContaining(['aktivigi', 'ligilo'])),
      deriveConcepts(WITH_ACTIVATION),
    );
  });

  it('reads "you need to change your password to activate your account" as a forced change: the reason stands outside the demand', () => {
    expect(readWith(WITH_ACTIVATION, 'Vi bezonas ŝanĝi la pasvorton por aktivigi vian konton.')).toEqual([
      expect.objectContaining({ lang: 'eo', role: 'forced' }),
    ]);
    expect(readWith(WITH_ACTIVATION, 'Vi bezonas ŝanĝi la pasvorton de via laborejo por aktivigi ĝin.')).toEqual([
      expect.objectContaining({ role: 'forced' }),
    ]);
  });

  it('stays silent when the hard-negative word breaks the run, or the demand is about something else', () => {
    expect(readWith(WITH_ACTIVATION, 'Vi bezonas aktivigi kaj ŝanĝi la pasvorton.')).toEqual([]);
    expect(readWith(WITH_ACTIVATION, 'Por ŝanĝi la pasvorton, vi bezonas aktivigi la ligilon.')).toEqual([]);
    expect(readWith(WITH_ACTIVATION, 'Vi bezonas atendi pli longe por ŝanĝi la pasvorton.')).toEqual([]);
  });

  it('stays silent when the sentence also has an expiry word: an expired link is no expired password', () => {
    expect(readWith(WITH_ACTIVATION, 'La ligilo eksvalidiĝis, vi bezonas ŝanĝi la pasvorton per nova ligilo.')).toEqual([]);
  });

  it('takes no possessive the forced messages share for the change ("Enter your password to continue")', () => {
    const page = new JSDOM(
      '<main><h1>Session expired</h1><p>Your session has expired. Enter your password to continue where you left off.</p><input type="password"></main>',
    );
    expect(detectExpiry(page.window.document, 'https://app.example.com/').kind).toBe('none');
  });
});

describe('the shipped concept words', () => {
  it('are the ones the build derives from the mined strings (regenerate with scripts/build-expiry-phrases.ts)', () => {
    const derived = deriveConcepts(productEntries(readMinedStrings()));
    expect(Object.fromEntries(Object.entries(derived).map(([lang, words]) => [lang, packConcepts(words)]))).toEqual(CONCEPT_DATA);
  });

  it('read a Finnish sentence unlike any product message, and keep Finnish hard negatives silent', () => {
    const url = 'https://sso.corp.example/signin';
    const page = (text: string) => new JSDOM(`<body><div role="alert">${text}</div></body>`, { url }).window.document;
    expect(detectExpiry(page('Salasanasi Contoso-palveluun on vanhentunut eilen.'), url)).toMatchObject({ kind: 'expired' });
    expect(hardNegativeWords('fi').length).toBeGreaterThan(0);
    expect(withPhraseRows(PHRASE_DATA, () => matchTemplates('Salasanasi Contoso-palveluun on vanhentunut eilen.'), {})).toEqual([]);
  });

  it('take no possessive in half a language’s messages for a demand, however an admin bundle tips the ratio', () => {
    // Nextcloud's password-policy settings are French "other" messages without "votre": by the ratios alone "votre"
    // became a forced-change word, and "Votre mot de passe a été modifié il y a 3 jours" (written corpus) a demand.
    const french = PHRASE_DATA.filter(([lang]) => lang === 'fr');
    const withVotre = french.filter(([, , text]) => /\bvotre\b/i.test(text)).length;
    expect(withVotre).toBeGreaterThanOrEqual(french.filter(([, role]) => role !== 'password-noun').length / 2);
    expect(deriveConcepts(productEntries(readMinedStrings())).fr!.forced).not.toContain('votre');
    const url = 'https://sso.corp.example/account';
    const page = (text: string) => new JSDOM(`<body><main><p>${text}</p></main></body>`, { url }).window.document;
    expect(detectExpiry(page('Votre mot de passe a été modifié il y a 3 jours.'), url).kind).toBe('none');
  });

  it('take no determiner of the password for an expiry word in a script without spaces ("您的" of "您的密码")', () => {
    // Nextcloud's Chinese warnings all open "您的密码" (your password): by the counts "您的" was an expiry word, and
    // "您的验证码已过期" (your verification code has expired) beside "请输入密码" read as an expired password.
    const concepts = deriveConcepts(productEntries(readMinedStrings()));
    for (const lang of ['zh-CN', 'zh-TW', 'zh-HK']) expect(concepts[lang]!.expiry).not.toContain('您的');
    expect(concepts['zh-CN']!.expiry).toContain('过期');
    // Spaced scripts keep the word before the name: it is as often its head ("vypršení hesla", the password's expiry).
    expect(concepts.cs!.expiry).toContain('vyprseni');
  });

  it('take the password’s inflected name for no expiry word, however often the positive rows name it that way', () => {
    // Turkish positive rows say "şifrenizi"/"şifrenizin" (your password, inflected) and the "other" ones "parola": by
    // the counts "şifrenizi" is an expiry word, so "Enter your password" read as an expired password.
    expect(deriveConcepts(productEntries(readMinedStrings())).tr!.expiry).toContain('sifrenizi');
    const url = 'https://sso.corp.example/signin';
    const page = (text: string) => new JSDOM(`<body><main><p>${text}</p><input type="password"></main></body>`, { url }).window.document;
    expect(matchTemplates('Şifrenizi girin.')).toEqual([]);
    expect(detectExpiry(page('Lütfen şifrenizi girin.'), url).kind).toBe('none');
    // A demand beside the reason it gives (to activate the account) reads without Keycloak's own row: the inflected
    // name in it is no expiry word that would silence it.
    const withoutKeycloak = productEntries(readMinedStrings(), new Set(['keycloak']));
    const read = withPhraseRows(
      withoutKeycloak.map((e) => [e.lang, e.role, e.text] as const),
      () => matchTemplates('Hesabınızı etkinleştirmek için şifrenizi değiştirmeniz gerekiyor.'),
      deriveConcepts(withoutKeycloak),
    );
    expect(read).toEqual([expect.objectContaining({ lang: 'tr', role: 'forced', similarity: CONCEPT_SIMILARITY })]);
  });

  it('want the demand and the change in two words: a participle both lists inflect to is a change done', () => {
    const url = 'https://sso.corp.example/account';
    const page = (text: string) => new JSDOM(`<body><main><p>${text}</p><input type="password"></main></body>`, { url }).window.document;
    expect(detectExpiry(page('Ваш пароль был изменён 3 дня назад.'), url).kind).toBe('none');
    expect(detectExpiry(page('Su contraseña se cambió hace 3 días.'), url).kind).toBe('none');
    // The demand itself still reads: a demand word and a change word beside the password.
    expect(detectExpiry(page('Вам необходимо изменить пароль.'), url).kind).toBe('expired');
  });
});

describe('a loose forced-change match beside a new-password form', () => {
  // Keycloak's Thai "you must change your password to activate your account", read with the rows of every other
  // product: 0.73 from another product's "คุณต้องเปลี่ยนรหัสผ่านเดี๋ยวนี้ (…)", below what a demand needs alone.
  const sentence = 'คุณต้องเปลี่ยนรหัสผ่านเพื่อเปิดใช้งานบัญชีของคุณ';
  const withoutKeycloak = productEntries(readMinedStrings(), new Set(['keycloak']));
  const detect = (html: string) => {
    const url = 'https://sso.corp.example/realms/staff/login-actions/required-action';
    const page = new JSDOM(`<body><main>${html}</main></body>`, { url }).window.document;
    return withPhraseRows(
      withoutKeycloak.map((e) => [e.lang, e.role, e.text] as const),
      () => detectExpiry(page, url),
      deriveConcepts(withoutKeycloak),
    );
  };
  const form = '<input type="password" autocomplete="new-password"><input type="password" autocomplete="new-password">';

  it('reads the demand when the page asks for a new password', () => {
    expect(detect(`<div role="alert">${sentence}</div>${form}`)).toMatchObject({ kind: 'expired' });
  });

  it('stays silent on the same sentence without the form, and on a bare "change your password" beside it', () => {
    expect(detect(`<div role="alert">${sentence}</div>`).kind).toBe('none');
    expect(detect(`<h1>เปลี่ยนรหัสผ่าน</h1>${form}`).kind).toBe('none');
  });
});

import type { PhraseLang } from './types';

/**
 * Sentence-level clues that an expiry phrase is not addressed to the reader right now: it is hypothetical
 * ("if your password has expired"), quoted, asked as a question, about something else ("the link to reset
 * your password has expired"), or a policy ("you must change your password every 90 days").
 */

const SENTENCE_END = /[.!?。！？\n]/u;
const WORD_START = '(?:^|[^\\p{L}\\p{N}_])';
const WORD_END = '(?![\\p{L}\\p{N}_])';

const CONDITIONALS: Record<PhraseLang, string> = {
  en: 'if|when|whenever|once|in case|in the event',
  de: 'wenn|falls|sobald|sofern',
  fr: 'si|lorsque|quand|dès que|une fois que|au cas où',
  es: 'si|cuando|en caso de que|una vez que',
  nl: 'als|wanneer|indien|zodra|mocht',
  it: 'se|quando|qualora|nel caso in cui|una volta che',
  pt: 'se|quando|caso|assim que|uma vez que',
  pl: 'jeśli|jeżeli|gdy|kiedy|gdyby|jak',
  ja: '',
};

const CONDITIONAL_PATTERNS = Object.fromEntries(
  Object.entries(CONDITIONALS).map(([lang, words]) => [lang, words ? new RegExp(`${WORD_START}(?:${words})${WORD_END}`, 'u') : null]),
) as Record<PhraseLang, RegExp | null>;

/** Japanese puts the condition after the clause. */
const JA_CONDITIONAL_SUFFIX = /^[^。！？\n]{0,4}(?:場合|たら|なら|と、)/u;

/** Things other than the user's password that expire, and whose sentences mention a password in passing. */
const OTHER_SUBJECT = new RegExp(
  `${WORD_START}(?:${[
    'link',
    'links',
    'request',
    'session',
    'token',
    'code',
    'invitation',
    'invite',
    'certificate',
    'card',
    'trial',
    'subscription',
    'licen[cs]e',
    'email',
    'e-mail',
    'url',
    'otp',
    'wi-fi',
    'wifi',
    'wlan',
    'hotspot',
    'guest',
    'pdf',
    'zip',
    'archive',
    'document',
    'file',
    'gast',
    'datei',
    'invité',
    'fichier',
    'invitado',
    'archivo',
    'gastnetwerk',
    'bestand',
    'ospite',
    'documento',
    'convidado',
    'arquivo',
    'ficheiro',
    'gość',
    'plik',
    'lien',
    'demande',
    'jeton',
    'certificat',
    'carte',
    'abonnement',
    'sitzung',
    'einladung',
    'zertifikat',
    'karte',
    'anfrage',
    'sesión',
    'enlace',
    'vínculo',
    'solicitud',
    'invitación',
    'certificado',
    'tarjeta',
    'suscripción',
    'código',
    'sessie',
    'uitnodiging',
    'certificaat',
    'kaart',
    'verzoek',
    'sessione',
    'collegamento',
    'richiesta',
    'invito',
    'certificato',
    'abbonamento',
    'codice',
    'sessão',
    'pedido',
    'convite',
    'cartão',
    'assinatura',
    'sesja',
    'łącze',
    'prośba',
    'zaproszenie',
    'certyfikat',
    'karta',
    'subskrypcja',
    'kod',
  ].join('|')})${WORD_END}|セッション|リンク|招待|証明書|カード|トークン|コード|ゲスト|ファイル`,
  'u',
);

/**
 * Signing in, which Spanish and Portuguese say with the word for a session ("antes de iniciar sesión", "inicio de
 * sesión", "iniciar sessão"): no session that expires.
 */
const SIGNING_IN = /(?:inici\p{L}*|cerrar|terminar)\s+(?:(?:de|la|a)\s+)?ses(?:ión|ion|são|sao)/giu;

/** Whether a sentence names something other than the password that expires (a link, a session, a subscription…). */
export function mentionsOtherSubject(sentence: string): boolean {
  return OTHER_SUBJECT.test(sentence.replace(SIGNING_IN, ' '));
}

/** "Your password never expires": a statement that nothing is due. Per language: "mai" is "never" only in Italian. */
const NEGATIONS: Record<PhraseLang, string> = {
  en: 'never|not|no longer',
  de: 'nie|niemals|nicht|kein',
  fr: "jamais|ne|n'",
  es: 'nunca|no',
  nl: 'nooit|niet|geen',
  it: 'mai|non',
  pt: 'nunca|não',
  pl: 'nigdy|nie',
  ja: '',
};

export function isNegated(sentence: string, lang: PhraseLang): boolean {
  if (lang === 'ja') return /無期限|しません/u.test(sentence);
  return new RegExp(`${WORD_START}(?:${NEGATIONS[lang]})${WORD_END}`, 'u').test(sentence);
}

/** "…of your password", "…de votre mot de passe": the password is a complement, not the subject. */
const COMPLEMENT =
  /(?:^|[^\p{L}])(?:of|de|du|des|d'|del|della|dello|dei|di|da|do|dos|das|van)\s+(?:your\s+|the\s+|votre\s+|ton\s+|le\s+|la\s+|su\s+|tu\s+|sua\s+|tua\s+|a\s+sua\s+|uw\s+|je\s+|jouw\s+|het\s+|il\s+)?$/u;

const PERIODIC_WORDS: Record<PhraseLang, string> = {
  en: 'every|each|regularly|periodically|at least once',
  de: 'alle|regelmäßig|mindestens|jede[ns]?',
  fr: 'tous les|toutes les|régulièrement|chaque',
  es: 'cada|periódicamente|regularmente',
  nl: 'elke|iedere|regelmatig|periodiek',
  it: 'ogni|regolarmente|periodicamente',
  pt: 'a cada|cada|regularmente|periodicamente',
  pl: 'co|regularnie|okresowo',
  ja: '',
};

const PERIODIC_PATTERNS = Object.fromEntries(
  Object.entries(PERIODIC_WORDS).map(([lang, words]) => [
    lang,
    words ? new RegExp(`${WORD_START}(?:${words})${WORD_END}`, 'u') : /ごとに|毎[日週月年]?/u,
  ]),
) as Record<PhraseLang, RegExp>;

const OPENING_QUOTE = /[“"„«「『‘'‹]\s*(?:[\p{L}'-]+\s+){0,2}$/u;

function sentenceStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    if (SENTENCE_END.test(text[i]!)) return i + 1;
  }
  return 0;
}

function sentenceEnd(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    if (SENTENCE_END.test(text[i]!)) return i;
  }
  return text.length;
}

export interface SentenceClues {
  conditional: boolean;
  quoted: boolean;
  question: boolean;
  otherSubject: boolean;
  complement: boolean;
  periodic: boolean;
}

export function sentenceClues(text: string, start: number, end: number, lang: PhraseLang): SentenceClues {
  const from = Math.max(sentenceStart(text, start), start - 80);
  const to = Math.min(sentenceEnd(text, end), end + 60);
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  const conditional = CONDITIONAL_PATTERNS[lang]?.test(before) ?? false;
  return {
    conditional: conditional || (lang === 'ja' && JA_CONDITIONAL_SUFFIX.test(text.slice(end, end + 10))),
    quoted: OPENING_QUOTE.test(text.slice(Math.max(0, start - 30), start)),
    question: text[to] === '?' || text[to] === '？',
    otherSubject: mentionsOtherSubject(before),
    complement: COMPLEMENT.test(text.slice(Math.max(0, start - 30), start)),
    periodic: PERIODIC_PATTERNS[lang].test(after),
  };
}

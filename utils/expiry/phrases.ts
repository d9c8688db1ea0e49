import type { PhraseCategory, PhraseLang } from './types';

/**
 * Native phrasings of "your password has expired", "you must change your password" and "your password expires
 * in N days". Patterns run on NFKC-normalised, lower-cased text. Named groups: `n` (a count), `unit` (its unit)
 * and `when` (tomorrow/today/soon words) feed the days-left parser.
 */
export interface Phrase {
  lang: PhraseLang;
  category: PhraseCategory;
  /** 0–3: how surely the words alone mean the signed-in user's own password. */
  strength: number;
  pattern: RegExp;
}

/** Cheap gate: a block that names no password in any supported language cannot match any phrase. */
export const PASSWORD_NOUN =
  /password|passwort|kennwort|mot de passe|contraseña|wachtwoord|senha|palavra-passe|palavra passe|parola d'ordine|hasło|hasła|パスワード/u;

const NUMBER_WORDS: Record<PhraseLang, Record<string, number>> = {
  en: { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fourteen: 14 },
  de: {
    ein: 1,
    einem: 1,
    einen: 1,
    eins: 1,
    zwei: 2,
    drei: 3,
    vier: 4,
    fünf: 5,
    sechs: 6,
    sieben: 7,
    acht: 8,
    neun: 9,
    zehn: 10,
    vierzehn: 14,
  },
  fr: { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, quinze: 15 },
  es: { un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, quince: 15 },
  nl: { een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, veertien: 14 },
  it: { un: 1, uno: 1, una: 1, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10, quindici: 15 },
  pt: { um: 1, uma: 1, dois: 2, duas: 2, três: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10, quinze: 15 },
  pl: {
    jeden: 1,
    jednego: 1,
    dwa: 2,
    dwóch: 2,
    trzy: 3,
    trzech: 3,
    cztery: 4,
    czterech: 4,
    pięć: 5,
    pięciu: 5,
    sześć: 6,
    siedem: 7,
    osiem: 8,
    dziewięć: 9,
    dziesięć: 10,
  },
  ja: { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 },
};

export function numberWord(lang: PhraseLang, word: string): number | undefined {
  return NUMBER_WORDS[lang][word];
}

/** Units of time, per language: days, hours and weeks. */
const UNITS: Record<PhraseLang, string> = {
  en: 'days?|day\\(s\\)|hours?|weeks?',
  de: 'tag(?:en|e)?|stunden?|wochen?',
  fr: 'jours?|heures?|semaines?',
  es: 'días?|dias?|horas?|semanas?',
  nl: 'dag(?:en)?|uur|uren|weken|week',
  it: 'giorn[oi]|or[ae]|settiman[ae]',
  pt: 'dias?|horas?|semanas?',
  pl: 'dni|dzień|dzien|godzin[ya]?|godzinę|tygodni[ea]?|tydzień',
  ja: '日|時間|週間',
};

const HOUR_UNIT = /^(?:hour|stund|heure|hora|uur|uren|or[ae]$|godzin|時間)/u;
const WEEK_UNIT = /^(?:week|woche|semaine|semana|weken|settiman|tygod|tydzień|週間)/u;

export function unitInDays(unit: string | undefined): { hours: boolean; weeks: boolean } {
  return { hours: !!unit && HOUR_UNIT.test(unit), weeks: !!unit && WEEK_UNIT.test(unit) };
}

const TODAY = /^(?:today|tonight|heute|aujourd'hui|ce soir|hoy|vandaag|oggi|stasera|hoje|dzisiaj|dziś|本日|今日)$/u;
const TOMORROW = /^(?:tomorrow|morgen|demain|mañana|domani|amanhã|jutro|明日)$/u;

export function relativeDay(when: string | undefined): number | undefined {
  if (!when) return undefined;
  if (TODAY.test(when)) return 0;
  if (TOMORROW.test(when)) return 1;
  return undefined;
}

const LETTER = '\\p{L}\\p{N}_';
/** A date: numeric (14.03.2026, 2026-03-14, 3/14), day and month name, or a short phrase up to the sentence end. */
const DATE = '(?:\\d{1,4}[./-]\\s?\\d{1,2}(?:[./-]\\s?\\d{2,4})?|\\d{1,2}\\.?\\s+\\p{L}+\\.?(?:\\s+\\d{4})?|[^.!?\\n]{3,40}?)';

/**
 * Expands shorthands: `‹`/`›` word boundaries that understand accented letters, `{NUM}` a count (digits or
 * number words), `{UNIT}` a time unit, `{GAP}` a short stretch within one sentence ("for jane@example.com": a dot before a non-space ends no sentence).
 */
function compile(lang: PhraseLang, source: string): RegExp {
  const words = Object.keys(NUMBER_WORDS[lang])
    .sort((a, b) => b.length - a.length)
    .join('|');
  const expanded = source
    .replaceAll('{NUM}', `(?<n>\\d{1,4}|${words})`)
    .replaceAll('{UNIT}', `(?<unit>${UNITS[lang]})`)
    .replaceAll('{GAP}', '(?:[^.!?\\n]|[.](?=\\S)){1,60}?')
    .replaceAll('{DATE}', DATE)
    .replaceAll('‹', `(?<![${LETTER}])`)
    .replaceAll('›', `(?![${LETTER}])`);
  return new RegExp(expanded, 'gu');
}

type Row = [PhraseCategory, number, string];

function phrases(lang: PhraseLang, rows: Row[]): Phrase[] {
  return rows.map(([category, strength, source]) => ({ lang, category, strength, pattern: compile(lang, source) }));
}

const EN = phrases('en', [
  [
    'expired',
    3,
    '‹(?:your|the|this)\\s+(?:[\\p{L}-]+\\s+){0,2}?password(?:\\s+(?:for|of|on)\\s+{GAP})?\\s+(?:has|had|is|was)\\s+(?:now\\s+|already\\s+)?expired›',
  ],
  ['expired', 3, '‹password(?:\\s+(?:for|of|on)\\s+{GAP})?\\s+(?:has\\s+|is\\s+)?expired›'],
  ['expired', 2, '‹expired\\s+password›'],
  ['expired', 2.5, '‹(?:your|the)\\s+password\\s+is\\s+no\\s+longer\\s+valid›'],
  [
    'forced',
    3,
    '‹(?:you|user)\\s+(?:must|need\\s+to|are\\s+required\\s+to|have\\s+to)\\s+(?:now\\s+|first\\s+|immediately\\s+)?(?:change|update|reset|renew|replace)\\s+(?:your|the)\\s+(?:[\\p{L}-]+\\s+)?password›',
  ],
  [
    'forced',
    3,
    '‹(?:you|user)\\s+(?:must|need\\s+to|are\\s+required\\s+to|have\\s+to)\\s+(?:now\\s+|first\\s+)?(?:choose|set|create|pick|enter)\\s+a\\s+new\\s+password›',
  ],
  ['forced', 3, '‹requires?\\s+(?:you|all\\s+users|users)\\s+to\\s+(?:change|update|reset)\\s+(?:your|their|the)\\s+password›'],
  ['forced', 3, '‹password\\s+(?:change|update|reset)\\s+(?:is\\s+)?required›'],
  ['forced', 3, '‹password\\s+must\\s+be\\s+(?:changed|updated|reset)›'],
  ['forced', 3, '‹new\\s+password\\s+required›'],
  [
    'forced',
    2.5,
    '‹(?:change|update)\\s+your\\s+password\\s+(?:to|before\\s+you\\s+can|in\\s+order\\s+to)\\s+(?:continue|proceed|sign\\s*in|log\\s*in|access|keep)',
  ],
  [
    'expiring',
    3,
    '‹password(?:\\s+(?:for|of|on)\\s+{GAP})?\\s+(?:will\\s+expire|expires|is\\s+(?:going|due|set|scheduled)\\s+to\\s+expire|will\\s+be\\s+expiring|is\\s+expiring)\\s+(?:in|within)\\s*:?\\s+(?:(?:about|approximately|the\\s+next)\\s+)?{NUM}\\s+{UNIT}(?![\\p{L}])',
  ],
  [
    'expiring',
    3,
    '‹password(?:\\s+(?:for|of|on)\\s+{GAP})?\\s+(?:will\\s+expire|expires|is\\s+(?:going|due|set|scheduled)\\s+to\\s+expire|is\\s+expiring)\\s+(?<when>tomorrow|today|tonight|soon|shortly)›',
  ],
  ['expiring', 2.2, '‹password(?:\\s+(?:for|of|on)\\s+{GAP})?\\s+(?:will\\s+expire|expires)\\s+on\\s+{DATE}'],
  ['expiring', 2.5, '‹password\\s+(?:is\\s+about\\s+to\\s+expire|will\\s+soon\\s+expire|is\\s+close\\s+to\\s+expir)'],
  // "14 days before your password expires" alone is how policies describe reminders; a countdown says until/left.
  ['expiring', 3, '‹{NUM}\\s+{UNIT}\\s+(?:(?:left|remaining)\\s+)?(?:until|till)\\s+your\\s+password\\s+expires›'],
  ['expiring', 3, '‹{NUM}\\s+{UNIT}\\s+(?:left|remaining)\\s+before\\s+your\\s+password\\s+expires›'],
  // LDAP grace logins ("You have 2 grace logins remaining"): the password has expired but still works a few more
  // times. A warning with no day count, so the count is deliberately not a {NUM} group. Without "grace" the sentence
  // must go on to the change or the expiry ("… remaining, change your password!"): "Wrong password, 2 logins left
  // before your account is locked" counts a lock-out.
  ['expiring', 2.5, '‹\\d{1,3}\\s+grace\\s+(?:logins?|log-ins?|sign-ins?|logons?|authentications?)\\s+(?:remaining|left)›'],
  [
    'expiring',
    2.5,
    '‹\\d{1,3}\\s+(?:logins?|log-ins?|sign-ins?|logons?|authentications?)\\s+(?:remaining|left)\\b[^.!?]{0,60}?\\b(?:change|update|expire|expiry)',
  ],
]);

const DE_PW = '(?!einmal|wlan|wifi|transaktions|app-)[\\p{L}-]*(?:kennwort|passwort)';
const DE = phrases('de', [
  [
    'expired',
    3,
    `‹${DE_PW}(?:\\s+(?:für|von)\\s+{GAP})?\\s+(?:ist|war)\\s+(?:bereits\\s+|nun\\s+|jetzt\\s+)?(?:abgelaufen|verfallen|nicht\\s+mehr\\s+gültig)›`,
  ],
  ['expired', 3, `‹${DE_PW}\\s+(?:abgelaufen|verfallen)›`],
  ['expired', 3, `‹gültigkeit\\s+(?:ihres|deines|des)\\s+${DE_PW}(?:e?s)\\s+ist\\s+abgelaufen›`],
  ['expired', 2, `‹abgelaufen(?:es|en)\\s+${DE_PW}›`],
  [
    'forced',
    3,
    `‹(?:sie\\s+müssen|du\\s+musst|müssen\\s+sie|musst\\s+du)\\s+(?:\\p{L}+\\s+){0,3}?(?:ihr|dein|das|ein\\s+neues)\\s+(?:neues\\s+)?${DE_PW}\\s+(?:\\p{L}+\\s+){0,2}?(?:ändern|aktualisieren|zurücksetzen|erneuern|festlegen|wählen|vergeben)›`,
  ],
  ['forced', 3, `‹${DE_PW}\\s+muss\\s+(?:\\p{L}+\\s+){0,2}?geändert\\s+werden›`],
  ['forced', 3, '‹(?:kennwort|passwort)(?:änderung|wechsel)\\s+(?:ist\\s+)?erforderlich›'],
  ['forced', 3, `‹änderung\\s+(?:ihres\\s+|deines\\s+|des\\s+)?${DE_PW}(?:e?s)?\\s+(?:ist\\s+)?erforderlich›`],
  [
    'expiring',
    3,
    `‹${DE_PW}(?:\\s+(?:für|von)\\s+{GAP})?\\s+(?:läuft|verfällt)\\s+(?:in\\s+{NUM}\\s+{UNIT}|(?<when>morgen|heute|bald|demnächst|in\\s+kürze)|am\\s+{DATE})(?:\\s+ab)?›`,
  ],
  [
    'expiring',
    3,
    `‹${DE_PW}\\s+wird\\s+(?:in\\s+{NUM}\\s+{UNIT}|(?<when>morgen|heute|bald|demnächst))\\s+(?:ablaufen|verfallen|ungültig)›`,
  ],
  ['expiring', 3, `‹${DE_PW}\\s+(?:in\\s+{NUM}\\s+{UNIT}|(?<when>morgen|heute|bald|demnächst))\\s+(?:abläuft|verfällt|ungültig\\s+wird)›`],
  ['expiring', 3, `‹${DE_PW}\\s+ist\\s+(?:nur\\s+)?noch\\s+{NUM}\\s+{UNIT}\\s+gültig›`],
]);

const FR_PW = 'mot\\s+de\\s+passe';
const FR = phrases('fr', [
  ['expired', 3, `‹${FR_PW}(?:\\s+(?:pour|du\\s+compte)\\s+{GAP})?\\s+(?:a|avait)\\s+(?:déjà\\s+)?expiré›`],
  ['expired', 3, `‹${FR_PW}\\s+(?:est\\s+)?(?:expiré|périmé|arrivé\\s+à\\s+expiration)›`],
  ['expired', 3, `‹validité\\s+de\\s+(?:votre\\s+)?${FR_PW}\\s+a\\s+expiré›`],
  ['expired', 2.5, `‹${FR_PW}\\s+n'est\\s+plus\\s+valide›`],
  [
    'forced',
    3,
    `‹(?:vous\\s+devez|tu\\s+dois|il\\s+(?:vous\\s+)?faut|il\\s+est\\s+(?:nécessaire|obligatoire)\\s+de)\\s+(?:maintenant\\s+|d'abord\\s+|obligatoirement\\s+)?(?:changer|modifier|mettre\\s+à\\s+jour|renouveler|réinitialiser)\\s+(?:votre|ton|le)\\s+${FR_PW}›`,
  ],
  [
    'forced',
    3,
    `‹(?:vous\\s+devez|tu\\s+dois|il\\s+(?:vous\\s+)?faut)\\s+(?:maintenant\\s+)?(?:choisir|définir|créer)\\s+un\\s+nouveau\\s+${FR_PW}›`,
  ],
  [
    'forced',
    3,
    `‹(?:changement|modification|renouvellement)\\s+(?:de|du)\\s+(?:votre\\s+)?${FR_PW}\\s+(?:est\\s+)?(?:requis|obligatoire|nécessaire|exigé)›`,
  ],
  ['forced', 3, `‹${FR_PW}\\s+doit\\s+être\\s+(?:changé|modifié|renouvelé|mis\\s+à\\s+jour|réinitialisé)›`],
  [
    'expiring',
    3,
    `‹${FR_PW}(?:\\s+pour\\s+{GAP})?\\s+(?:expire(?:ra)?|va\\s+expirer|arrive(?:ra)?\\s+à\\s+expiration|sera\\s+périmé)\\s+(?:(?:dans|d'ici|sous)\\s+{NUM}\\s+{UNIT}|(?<when>demain|aujourd'hui|ce\\s+soir|bientôt|prochainement|sous\\s+peu)|le\\s+{DATE})`,
  ],
  [
    'expiring',
    3,
    `‹(?:il\\s+(?:vous\\s+)?reste|plus\\s+que)\\s+{NUM}\\s+{UNIT}\\s+avant\\s+(?:l'expiration\\s+de\\s+votre\\s+${FR_PW}|que\\s+votre\\s+${FR_PW}\\s+n'expire)`,
  ],
  ['expiring', 2.5, `‹${FR_PW}\\s+(?:est\\s+sur\\s+le\\s+point\\s+d'expirer|va\\s+bientôt\\s+expirer)›`],
]);

const ES_PW = 'contraseña';
const ES = phrases('es', [
  ['expired', 3, `‹${ES_PW}(?:\\s+(?:de|para)\\s+{GAP})?\\s+(?:ha|había)\\s+(?:caducado|expirado|vencido)›`],
  ['expired', 3, `‹${ES_PW}\\s+(?:está\\s+|esta\\s+)?(?:caducada|expirada|vencida)›`],
  ['expired', 3, `‹${ES_PW}\\s+(?:caducó|expiró|venció)›`],
  ['expired', 2.5, `‹${ES_PW}\\s+ya\\s+no\\s+es\\s+válida›`],
  [
    'forced',
    3,
    `‹(?:debe|debes|deberá|tiene\\s+que|tienes\\s+que|necesita|necesitas|es\\s+necesario|es\\s+obligatorio|se\\s+requiere)\\s+(?:que\\s+)?(?:ahora\\s+)?(?:cambiar|actualizar|restablecer|renovar|modificar)\\s+(?:su|tu|la)\\s+${ES_PW}›`,
  ],
  [
    'forced',
    3,
    `‹(?:debe|debes|tiene\\s+que|tienes\\s+que|necesita|necesitas)\\s+(?:elegir|establecer|crear|definir)\\s+una\\s+nueva\\s+${ES_PW}›`,
  ],
  ['forced', 3, `‹cambio\\s+de\\s+${ES_PW}\\s+(?:es\\s+)?(?:obligatorio|requerido|necesario)›`],
  ['forced', 3, `‹${ES_PW}\\s+debe\\s+(?:ser\\s+(?:cambiada|actualizada|modificada|restablecida)|cambiarse|actualizarse)›`],
  [
    'expiring',
    3,
    `‹${ES_PW}(?:\\s+(?:de|para)\\s+{GAP})?\\s+(?:caducará|caduca|expirará|expira|vencerá|vence|va\\s+a\\s+(?:caducar|expirar|vencer))\\s+(?:(?:en|dentro\\s+de)\\s+{NUM}\\s+{UNIT}|(?<when>mañana|hoy|pronto|próximamente|en\\s+breve)|el\\s+{DATE})`,
  ],
  ['expiring', 3, `‹quedan?\\s+{NUM}\\s+{UNIT}\\s+para\\s+que\\s+(?:caduque|expire|venza)\\s+(?:su|tu|la)\\s+${ES_PW}›`],
  ['expiring', 2.5, `‹${ES_PW}\\s+está\\s+a\\s+punto\\s+de\\s+(?:caducar|expirar|vencer)›`],
]);

const NL_PW = '[\\p{L}-]*wachtwoord';
const NL = phrases('nl', [
  [
    'expired',
    3,
    `‹${NL_PW}(?:\\s+(?:van|voor)\\s+{GAP})?\\s+is\\s+(?:nu\\s+|al\\s+|inmiddels\\s+)?(?:verlopen|vervallen|niet\\s+meer\\s+geldig)›`,
  ],
  ['expired', 3, `‹${NL_PW}\\s+(?:verlopen|vervallen)›`],
  ['expired', 2, `‹verlopen\\s+${NL_PW}›`],
  [
    'forced',
    3,
    `‹(?:u\\s+moet|je\\s+moet|jij\\s+moet|moet\\s+u|moet\\s+je)\\s+(?:\\p{L}+\\s+){0,2}?(?:uw|je|jouw|het|een)\\s+(?:nieuwe?\\s+)?${NL_PW}\\s+(?:\\p{L}+\\s+){0,2}?(?:wijzigen|veranderen|bijwerken|vernieuwen|instellen|kiezen)›`,
  ],
  ['forced', 3, `‹${NL_PW}\\s+moet\\s+(?:\\p{L}+\\s+){0,2}?(?:worden\\s+gewijzigd|gewijzigd\\s+worden|worden\\s+vernieuwd)›`],
  ['forced', 3, '‹wachtwoordwijziging\\s+(?:is\\s+)?vereist›'],
  ['forced', 3, `‹wijziging\\s+van\\s+(?:uw\\s+|je\\s+)?${NL_PW}\\s+(?:is\\s+)?vereist›`],
  [
    'expiring',
    3,
    `‹${NL_PW}(?:\\s+(?:van|voor)\\s+{GAP})?\\s+(?:verloopt|vervalt)\\s+(?:(?:over|binnen)\\s+{NUM}\\s+{UNIT}|(?<when>morgen|vandaag|binnenkort|spoedig)|op\\s+{DATE})`,
  ],
  [
    'expiring',
    3,
    `‹${NL_PW}\\s+zal\\s+(?:(?:over|binnen)\\s+{NUM}\\s+{UNIT}|(?<when>morgen|vandaag|binnenkort))\\s+(?:verlopen|vervallen)›`,
  ],
  ['expiring', 3, `‹${NL_PW}\\s+(?:over\\s+{NUM}\\s+{UNIT}|(?<when>morgen|vandaag|binnenkort))\\s+(?:verloopt|vervalt)›`],
  ['expiring', 3, `‹${NL_PW}\\s+is\\s+nog\\s+(?:maar\\s+)?{NUM}\\s+{UNIT}\\s+geldig›`],
]);

const IT_PW = "(?:password|parola\\s+d'ordine)";
const IT = phrases('it', [
  ['expired', 3, `‹${IT_PW}(?:\\s+(?:di|per)\\s+{GAP})?\\s+(?:è|e'|era)\\s+(?:ormai\\s+|già\\s+)?scaduta›`],
  ['expired', 3, `‹${IT_PW}\\s+scaduta›`],
  ['expired', 2.5, `‹${IT_PW}\\s+non\\s+è\\s+più\\s+valida›`],
  [
    'forced',
    3,
    `‹(?:devi|deve|dovete|è\\s+necessario|e'\\s+necessario|occorre|bisogna|è\\s+obbligatorio)\\s+(?:ora\\s+|adesso\\s+|prima\\s+)?(?:cambiare|modificare|aggiornare|reimpostare|rinnovare)\\s+(?:la\\s+(?:tua\\s+|sua\\s+|propria\\s+)?|(?:tua|sua)\\s+)?${IT_PW}›`,
  ],
  ['forced', 3, `‹(?:devi|deve|è\\s+necessario|occorre)\\s+(?:scegliere|impostare|creare)\\s+una\\s+nuova\\s+${IT_PW}›`],
  ['forced', 3, `‹(?:cambio|modifica)\\s+(?:della\\s+)?${IT_PW}\\s+(?:è\\s+)?(?:obbligatori[oa]|richiest[oa]|necessari[oa])›`],
  ['forced', 3, `‹${IT_PW}\\s+deve\\s+essere\\s+(?:cambiata|modificata|aggiornata|reimpostata)›`],
  [
    'expiring',
    3,
    `‹${IT_PW}(?:\\s+(?:di|per)\\s+{GAP})?\\s+(?:scadrà|scade|sta\\s+per\\s+scadere)\\s+(?:(?:tra|fra|entro)\\s+{NUM}\\s+{UNIT}|(?<when>domani|oggi|stasera|presto|a\\s+breve)|il\\s+{DATE})`,
  ],
  ['expiring', 2.5, `‹${IT_PW}\\s+sta\\s+per\\s+scadere›`],
  ['expiring', 3, `‹mancano\\s+{NUM}\\s+{UNIT}\\s+alla\\s+scadenza\\s+(?:della\\s+)?(?:tua\\s+|sua\\s+)?${IT_PW}›`],
]);

const PT_PW = '(?:senha|palavra-passe|palavra\\s+passe)';
const PT = phrases('pt', [
  [
    'expired',
    3,
    `‹${PT_PW}(?:\\s+(?:de|para)\\s+{GAP})?\\s+(?:já\\s+)?(?:expirou|caducou|venceu|(?:está|esta|foi)\\s+(?:expirada|caducada|vencida))›`,
  ],
  ['expired', 3, `‹${PT_PW}\\s+(?:expirada|caducada|vencida)›`],
  ['expired', 3, `‹validade\\s+da\\s+(?:sua\\s+)?${PT_PW}\\s+(?:expirou|terminou|acabou)›`],
  [
    'forced',
    3,
    `‹(?:você\\s+)?(?:precisa|deve|tem\\s+(?:de|que)|tens\\s+de|é\\s+necessário|é\\s+obrigatório)\\s+(?:de\\s+)?(?:agora\\s+)?(?:alterar|mudar|trocar|atualizar|actualizar|redefinir|renovar)\\s+(?:a\\s+sua\\s+|a\\s+tua\\s+|sua\\s+|tua\\s+|a\\s+)?${PT_PW}›`,
  ],
  ['forced', 3, `‹(?:precisa|deve|tem\\s+de|tem\\s+que)\\s+(?:definir|escolher|criar)\\s+uma\\s+nova\\s+${PT_PW}›`],
  [
    'forced',
    3,
    `‹(?:alteração|troca|mudança|atualização)\\s+(?:de|da)\\s+(?:sua\\s+)?${PT_PW}\\s+(?:é\\s+)?(?:obrigatória|necessária|requerida|exigida)›`,
  ],
  ['forced', 3, `‹${PT_PW}\\s+(?:deve|precisa)\\s+ser\\s+(?:alterada|trocada|atualizada|redefinida|mudada)›`],
  [
    'expiring',
    3,
    `‹${PT_PW}(?:\\s+(?:de|para)\\s+{GAP})?\\s+(?:expira|expirará|vai\\s+expirar|irá\\s+expirar|caduca|caducará|vai\\s+caducar|vence|vencerá|vai\\s+vencer)\\s+(?:(?:em|dentro\\s+de|daqui\\s+a)\\s+{NUM}\\s+{UNIT}|(?<when>amanhã|hoje|em\\s+breve|brevemente)|(?:no\\s+dia|em|a)\\s+(?=\\d){DATE})`,
  ],
  ['expiring', 3, `‹faltam\\s+{NUM}\\s+{UNIT}\\s+para\\s+(?:a\\s+)?(?:sua\\s+)?${PT_PW}\\s+expirar›`],
  ['expiring', 2.5, `‹${PT_PW}\\s+está\\s+(?:prestes|quase)\\s+a\\s+expirar›`],
]);

const PL = phrases('pl', [
  [
    'expired',
    3,
    '‹hasło(?:\\s+(?:do|dla)\\s+{GAP})?\\s+(?:już\\s+)?(?:wygasło|straciło\\s+ważność|utraciło\\s+ważność|jest\\s+nieważne|przestało\\s+być\\s+ważne)›',
  ],
  ['expired', 3, '‹ważność\\s+(?:twojego\\s+|pana\\s+|pani\\s+)?hasła\\s+(?:wygasła|upłynęła|minęła|skończyła\\s+się)›'],
  ['expired', 2, '‹(?:wygasłe|nieważne)\\s+hasło›'],
  [
    'forced',
    3,
    '‹(?:musisz|należy|trzeba|musi\\s+pan|musi\\s+pani|wymagana\\s+jest|konieczna\\s+jest)\\s+(?:teraz\\s+|natychmiast\\s+)?(?:zmienić|zmiana|zaktualizować)\\s+(?:swoje\\s+|twoje\\s+|swojego\\s+|twojego\\s+)?(?:hasło|hasła)›',
  ],
  ['forced', 3, '‹(?:musisz|należy|trzeba)\\s+(?:ustawić|ustalić|wybrać|utworzyć)\\s+nowe\\s+hasło›'],
  ['forced', 3, '‹wymagana\\s+(?:jest\\s+)?zmiana\\s+hasła›'],
  ['forced', 3, '‹hasło\\s+musi\\s+(?:zostać|być)\\s+zmienione›'],
  [
    'expiring',
    3,
    '‹hasło(?:\\s+(?:do|dla)\\s+{GAP})?\\s+(?:wygaśnie|wygasa|straci\\s+ważność|traci\\s+ważność|przestanie\\s+być\\s+ważne)\\s+(?:(?:za|w\\s+ciągu)\\s+{NUM}\\s+{UNIT}|(?<when>jutro|dzisiaj|dziś|wkrótce|niedługo|niebawem)|(?:dnia\\s+)?(?=\\d){DATE})',
  ],
  [
    'expiring',
    3,
    '‹ważność\\s+(?:twojego\\s+)?hasła\\s+(?:wygaśnie|upłynie|skończy\\s+się|kończy\\s+się)\\s+(?:(?:za|w\\s+ciągu)\\s+{NUM}\\s+{UNIT}|(?<when>jutro|dzisiaj|dziś|wkrótce))',
  ],
  ['expiring', 3, '‹do\\s+wygaśnięcia\\s+(?:twojego\\s+)?hasła\\s+(?:pozostał[oay]?|zostało|zostały|został)\\s+{NUM}\\s+{UNIT}'],
]);

const JA = phrases('ja', [
  ['expired', 3, 'パスワードの(?:有効期限|期限)が(?:切れ(?:ています|ました|ている)|過ぎ(?:ています|ました))'],
  ['expired', 3, 'パスワード(?:が|は)(?:有効期限切れ|期限切れ|失効)(?:です|になりました|になっています|しています|しました)'],
  ['expired', 2, 'パスワード(?:の)?(?:有効)?期限切れ'],
  ['forced', 3, 'パスワードを(?:変更|更新|再設定)する必要があります'],
  ['forced', 3, 'パスワードの(?:変更|更新)が必要です'],
  ['forced', 3, 'パスワードを(?:変更|更新)しなければなりません'],
  ['forced', 3, '新しいパスワードを設定する必要があります'],
  ['expiring', 3, 'パスワードの有効期限(?:は|まで)(?:、)?(?:あと|残り)\\s*{NUM}\\s*{UNIT}'],
  ['expiring', 3, 'パスワード(?:の有効期限)?は(?:あと\\s*)?{NUM}\\s*{UNIT}(?:後|以内)に(?:期限切れ|失効|切れ)'],
  ['expiring', 3, '{NUM}\\s*{UNIT}後にパスワードの有効期限が切れます'],
  ['expiring', 3, 'パスワードの有効期限が(?<when>明日|本日|今日)(?:で)?切れます'],
  ['expiring', 3, 'パスワードは(?<when>明日|本日|今日)(?:で)?(?:期限切れ|失効)'],
  ['expiring', 2.5, 'パスワードの有効期限が(?:近づいています|迫っています|間もなく切れます|まもなく切れます)'],
]);

export const PHRASES: readonly Phrase[] = [...EN, ...DE, ...FR, ...ES, ...NL, ...IT, ...PT, ...PL, ...JA];

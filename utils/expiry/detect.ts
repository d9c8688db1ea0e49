import { isNegated, mentionsOtherSubject, sentenceClues } from './context';
import { daysUntilDate } from './dates';
import { daysLeftFrom } from './days';
import { BlockFlag, type PageFacts, readPage, type TextBlock } from './page-reader';
import { PASSWORD_NOUN, PHRASES, type Phrase } from './phrases';
import { matchTemplates, type TemplateMatch } from './templates';
import type { ExpiryVerdict, PhraseCategory, PhraseLang } from './types';

/** A phrase must score at least this, after context, to count. Full-strength phrases score 3 in plain text. */
const THRESHOLD = 2;
/** A password expiring months away is information, not a warning. */
const WARNING_HORIZON_DAYS = 30;
/** Extra weight for a demand to change the password when the page also offers a new-password field. */
const FORM_BONUS = 1;
/** This many blocks carrying expiry phrases make a list or report rather than a prompt. */
const LISTING_BLOCKS = 4;

const HELP_PATH =
  /\/(?:help|support|kb|faq|faqs|docs?|documentation|news|blog|article|articles|wiki|knowledge|hilfe|aide|ayuda|ajuda|pomoc)(?:[/?#.-]|$)/i;
const ADMIN_CUE =
  /admin|polic(?:y|ies)|settings|configur|richtlinie|einstellungen|stratégie|paramètres|política|configuración|beleid|instellingen|criteri|impostazioni|configurações|polityk|ustawienia|ポリシー|設定|管理/i;

interface Signal {
  phrase: Phrase;
  score: number;
  daysLeft?: number;
  notes: string[];
}

interface PageContext {
  now: number;
  newPasswordForm: boolean;
  documentLike: boolean;
  adminLike: boolean;
}

/** `now` dates "expires on 24/12/2026"; it defaults to the clock and is a parameter so tests can fix it. */
export function detectExpiry(doc: Document, url: string, now: number = Date.now()): ExpiryVerdict {
  try {
    return judge(readPage(doc), url, now);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: 'none', reason: `error: ${message.slice(0, 120)}` };
  }
}

function judge(page: PageFacts, url: string, now: number): ExpiryVerdict {
  const context = pageContext(page, url, now);
  const byPhrases = judgeByPhrases(page, context);
  const fromMessages = judgeByProductMessages(page, context);
  if (!fromMessages) return byPhrases;
  const { verdict: byMessages, similarity } = fromMessages;
  if (byPhrases.kind === 'none') return byMessages;
  // Both fired. The hand-written phrases read day counts in words, hours and dates; the product messages only digits.
  if (byPhrases.kind === byMessages.kind) {
    const agreed: ExpiryVerdict = { ...byPhrases, reason: `${byPhrases.reason}; ${byMessages.reason}` };
    const daysLeft = byPhrases.daysLeft ?? byMessages.daysLeft;
    if (daysLeft !== undefined) agreed.daysLeft = daysLeft;
    return agreed;
  }
  // They disagree on the kind: a verbatim product message wins; a loose resemblance yields to the phrases,
  // which know tense and context in their nine languages ("expira amanhã" is not "expirou") — unless what the
  // phrases found is itself a hypothetical ("Wanneer het wachtwoord verlopen is, …" beside "… verloopt over 4 dag(en)").
  return similarity >= CLOSE_MESSAGE || hypothetical.has(byPhrases) ? byMessages : byPhrases;
}

/** Verdicts of the hand-written phrases that rest on a hypothetical sentence ("when your password has expired"). */
const hypothetical = new WeakSet<ExpiryVerdict>();
function hedged(verdict: ExpiryVerdict, signal: Signal): ExpiryVerdict {
  if (signal.notes.includes('conditional')) hypothetical.add(verdict);
  return verdict;
}

/** A sentence this close to a product message is that message. */
const CLOSE_MESSAGE = 0.95;
/** "You need to change your password" must be nearly verbatim: "Change your password" alone is a voluntary page. */
const MIN_FORCED_SIMILARITY = 0.75;
/**
 * Beside a form that asks for a new password, a demand may resemble a product's forced-change message as loosely as
 * any other match must (0.7, the matcher's "close enough"): the form supports it. Thai "คุณต้องเปลี่ยนรหัสผ่านเพื่อ
 * เปิดใช้งานบัญชีของคุณ" (you must change your password to activate your account) is 0.73 from another product's
 * "คุณต้องเปลี่ยนรหัสผ่านเดี๋ยวนี้ (…)". Chosen with the leave-one-product-out table (0.6 reads no more pages).
 */
const MIN_FORCED_WITH_FORM = 0.7;

/** Second opinion: hand-written phrasings with sentence context, in nine languages (phrases.ts). */
function judgeByPhrases(page: PageFacts, context: PageContext): ExpiryVerdict {
  const signals: Signal[] = [];
  const blocksWithPhrases = new Set<number>();
  let discarded = 0;

  page.blocks.forEach((block, index) => {
    const text = block.text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘`´]/g, "'");
    if (!PASSWORD_NOUN.test(text)) return;
    for (const phrase of PHRASES) {
      for (const match of text.matchAll(phrase.pattern)) {
        const signal = weigh(phrase, match, text, block, context);
        if (!signal) {
          discarded++;
          continue;
        }
        signals.push(signal);
        blocksWithPhrases.add(index);
      }
    }
  });

  // A prompt says it once or twice (title, heading, message); a report or a list of accounts repeats it per row.
  if (blocksWithPhrases.size >= LISTING_BLOCKS) {
    for (const signal of signals) {
      signal.score *= 0.4;
      signal.notes.push('listing');
    }
  }
  const best: Partial<Record<PhraseCategory, Signal>> = {};
  let strongest: Signal | undefined;
  for (const signal of signals) {
    if (phraseBonusApplies(signal.phrase, context)) signal.score += FORM_BONUS;
    const category = signal.phrase.category;
    if (!best[category] || signal.score > best[category].score) best[category] = signal;
    if (!strongest || signal.score > strongest.score) strongest = signal;
  }
  const expiringWithDays = signals
    .filter((signal) => signal.phrase.category === 'expiring' && signal.daysLeft !== undefined && signal.score >= THRESHOLD)
    .sort((a, b) => b.score - a.score);

  const form = context.newPasswordForm ? ' + form:new-password' : '';
  const passes = (signal: Signal | undefined): signal is Signal => !!signal && signal.score >= THRESHOLD;
  const { expired, expiring, forced } = best;
  if (passes(expired)) return hedged({ kind: 'expired', reason: describe(expired) + form }, expired);
  if (passes(expiring)) {
    const daysLeft = expiring.daysLeft ?? expiringWithDays[0]?.daysLeft;
    const verdict: ExpiryVerdict = { kind: 'expiring', reason: describe(expiring) + form };
    if (daysLeft !== undefined) verdict.daysLeft = daysLeft;
    return verdict;
  }
  if (passes(forced)) return hedged({ kind: 'expired', reason: describe(forced) + form }, forced);
  if (strongest) return { kind: 'none', reason: `weak ${describe(strongest)}${form}` };
  if (discarded) return { kind: 'none', reason: `${discarded} phrase(s) about something else` };
  return { kind: 'none', reason: page.truncated ? 'no expiry phrase (page truncated)' : 'no expiry phrase' };
}

const POSITIVE_ROLES = new Set(['expired', 'forced', 'expiring-days', 'expiring-today', 'expiring-tomorrow', 'expiring-soon']);

/**
 * First opinion: the sign-in products' own messages (templates.ts), in all their languages. A sentence counts
 * where a person would read it as addressed to them: not on a button or link, not in a quotation, page chrome,
 * an article or a documentation-like page (unless it is an alert or dialog there).
 */
function judgeByProductMessages(page: PageFacts, context: PageContext): { verdict: ExpiryVerdict; similarity: number } | null {
  const found: TemplateMatch[] = [];
  // A page that repeats a block (a hostile one, 1 000 times) is read once per distinct text.
  const read = new Map<string, TemplateMatch[]>();
  for (const block of page.blocks) {
    // A prompt states its message once or twice; this many is a report or a list, which stays silent (below).
    if (found.length >= LISTING_BLOCKS) return null;
    const { flags } = block;
    const prominent = (flags & (BlockFlag.alert | BlockFlag.dialog)) !== 0;
    if (flags & (BlockFlag.control | BlockFlag.peripheral | BlockFlag.quotation)) continue;
    if (!prominent && (flags & BlockFlag.article || context.documentLike || context.adminLike)) continue;
    const text = block.text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘`´]/g, "'");
    let matches = read.get(block.text);
    if (!matches) {
      matches = matchTemplates(block.text);
      read.set(block.text, matches);
    }
    // Copies: what follows adjusts a match (its role, the days a date gives) for this block.
    for (const match of matches.map((m) => ({ ...m }))) {
      if (!POSITIVE_ROLES.has(match.role)) continue;
      if (match.role === 'forced' && match.similarity < (context.newPasswordForm ? MIN_FORCED_WITH_FORM : MIN_FORCED_SIMILARITY)) continue;
      if ((match.role.startsWith('expiring') || match.role === 'expired') && match.daysLeft === undefined) {
        const daysLeft = daysUntilDate(match.sentence, match.lang, context.now);
        // A date still ahead in a sentence worded like "…has expired" ("Vaše heslo vyprší 24. prosince") is a
        // warning; today's date beside "expired" is when it happened.
        if (daysLeft !== undefined && (match.role !== 'expired' || daysLeft > 0)) {
          match.daysLeft = daysLeft;
          if (match.role === 'expired') match.role = 'expiring-days';
        }
      }
      if (match.daysLeft !== undefined && match.daysLeft > WARNING_HORIZON_DAYS) continue;
      if (mentionsOtherSubject(match.sentence.toLowerCase())) continue;
      if (
        isPhraseLang(match.lang) &&
        (isNegated(match.sentence.toLowerCase(), match.lang) || !addressedToReader(text, match.sentence, match.lang))
      )
        continue;
      found.push(match);
    }
  }
  // A prompt states one day count; a report lists several (one per account or row).
  const dayCounts = new Set(found.flatMap((match) => (match.daysLeft === undefined ? [] : [match.daysLeft])));
  if (found.length === 0 || found.length >= LISTING_BLOCKS || dayCounts.size > 1) return null;
  const form = context.newPasswordForm ? ' + form:new-password' : '';
  const describeMatch = (match: TemplateMatch) => `message:${match.lang}:${match.role}(${match.similarity.toFixed(2)})${form}`;
  // The closest match decides; on a tie, "expired" outranks a warning.
  const rank = (match: TemplateMatch) => match.similarity + (match.role === 'expired' || match.role === 'forced' ? 0.001 : 0);
  const strongest = [...found].sort((a, b) => rank(b) - rank(a));
  const best = strongest[0]!;
  if (best.role === 'expired' || best.role === 'forced')
    return { verdict: { kind: 'expired', reason: describeMatch(best) }, similarity: best.similarity };
  const withDays = strongest.find((match) => match.daysLeft !== undefined);
  const verdict: ExpiryVerdict = { kind: 'expiring', reason: describeMatch(best) };
  if (withDays) verdict.daysLeft = withDays.daysLeft!;
  return { verdict, similarity: best.similarity };
}

const PHRASE_LANGS = new Set<string>(['en', 'de', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja']);
const isPhraseLang = (lang: string): lang is PhraseLang => PHRASE_LANGS.has(lang);

/** In the languages context.ts knows: not hypothetical, not a policy, not about a link, session or subscription. */
function addressedToReader(blockText: string, sentence: string, lang: PhraseLang): boolean {
  const normalized = sentence
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
  const start = blockText.indexOf(normalized);
  if (start < 0) return true;
  const password = PASSWORD_NOUN.exec(normalized);
  const at = start + (password?.index ?? 0);
  const clues = sentenceClues(blockText, at, at + (password?.[0].length ?? normalized.length), lang);
  return !(clues.conditional || clues.otherSubject || clues.periodic || clues.question);
}

function pageContext(page: PageFacts, url: string, now: number): PageContext {
  const { fields } = page;
  const noPasswordField = fields.passwordFields === 0;
  const headings = page.blocks
    .filter((block) => block.flags & (BlockFlag.heading | BlockFlag.title))
    .map((block) => block.text)
    .join(' ');
  const settingsControls = fields.numberInputs + fields.selects >= 1 || fields.checkboxes >= 2;
  return {
    now,
    newPasswordForm: fields.newPasswordFields > 0,
    documentLike: noPasswordField && (page.longParagraphs >= 3 || HELP_PATH.test(pathOf(url))),
    adminLike: noPasswordField && settingsControls && (ADMIN_CUE.test(pathOf(url)) || ADMIN_CUE.test(headings)),
  };
}

function pathOf(url: string): string {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return afterScheme || '/';
}

function weigh(phrase: Phrase, match: RegExpMatchArray, text: string, block: TextBlock, context: PageContext): Signal | null {
  const start = match.index ?? 0;
  const clues = sentenceClues(text, start, start + match[0].length, phrase.lang);
  if (clues.otherSubject || clues.complement || clues.periodic) return null;

  const notes: string[] = [];
  let weight = 1;
  const weaken = (factor: number, note: string) => {
    weight *= factor;
    notes.push(note);
  };
  const { flags } = block;
  const prominent = (flags & (BlockFlag.alert | BlockFlag.dialog)) !== 0;
  if (flags & BlockFlag.control) weaken(0.2, 'control');
  if (flags & BlockFlag.peripheral) weaken(0.3, 'peripheral');
  if (clues.quoted || flags & BlockFlag.quotation) weaken(0.4, 'quoted');
  if (clues.conditional) weaken(0.3, 'conditional');
  if (clues.question) weaken(0.3, 'question');
  if (!prominent && (flags & BlockFlag.article || context.documentLike)) weaken(0.4, 'prose');
  if (!prominent && context.adminLike) weaken(0.4, 'admin');
  if (flags & BlockFlag.title) weaken(0.9, 'title');

  const daysLeft =
    phrase.category === 'expiring'
      ? (daysLeftFrom(phrase.lang, match.groups) ??
        daysUntilDate(text.slice(start, start + match[0].length + 40), phrase.lang, context.now))
      : undefined;
  if (daysLeft !== undefined && daysLeft > WARNING_HORIZON_DAYS) weaken(0.5, 'far');
  if (prominent || flags & BlockFlag.heading) {
    weight *= 1.2;
    notes.push('prominent');
  }
  const signal: Signal = { phrase, score: phrase.strength * weight, notes };
  if (daysLeft !== undefined) signal.daysLeft = daysLeft;
  return signal;
}

function phraseBonusApplies(phrase: Phrase, context: PageContext): boolean {
  return phrase.category !== 'expiring' && context.newPasswordForm;
}

function describe(signal: Signal): string {
  const notes = signal.notes.length ? ` ${signal.notes.join(',')}` : '';
  return `phrase:${signal.phrase.lang}:${signal.phrase.category}(${signal.score.toFixed(1)}${notes})`;
}

import { sentenceClues } from './context';
import { daysLeftFrom } from './days';
import { BlockFlag, type PageFacts, readPage, type TextBlock } from './page-reader';
import { PASSWORD_NOUN, PHRASES, type Phrase } from './phrases';
import type { ExpiryVerdict, PhraseCategory } from './types';

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
  newPasswordForm: boolean;
  documentLike: boolean;
  adminLike: boolean;
}

export function detectExpiry(doc: Document, url: string): ExpiryVerdict {
  try {
    return judge(readPage(doc), url);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: 'none', reason: `error: ${message.slice(0, 120)}` };
  }
}

function judge(page: PageFacts, url: string): ExpiryVerdict {
  const context = pageContext(page, url);
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
  if (passes(expired)) return { kind: 'expired', reason: describe(expired) + form };
  if (passes(expiring)) {
    const daysLeft = expiring.daysLeft ?? expiringWithDays[0]?.daysLeft;
    const verdict: ExpiryVerdict = { kind: 'expiring', reason: describe(expiring) + form };
    if (daysLeft !== undefined) verdict.daysLeft = daysLeft;
    return verdict;
  }
  if (passes(forced)) return { kind: 'expired', reason: describe(forced) + form };
  if (strongest) return { kind: 'none', reason: `weak ${describe(strongest)}${form}` };
  if (discarded) return { kind: 'none', reason: `${discarded} phrase(s) about something else` };
  return { kind: 'none', reason: page.truncated ? 'no expiry phrase (page truncated)' : 'no expiry phrase' };
}

function pageContext(page: PageFacts, url: string): PageContext {
  const { fields } = page;
  const noPasswordField = fields.passwordFields === 0;
  const headings = page.blocks
    .filter((block) => block.flags & (BlockFlag.heading | BlockFlag.title))
    .map((block) => block.text)
    .join(' ');
  const settingsControls = fields.numberInputs + fields.selects >= 1 || fields.checkboxes >= 2;
  return {
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

  const daysLeft = phrase.category === 'expiring' ? daysLeftFrom(phrase.lang, match.groups) : undefined;
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

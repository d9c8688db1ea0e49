import type { Message } from './message';

/**
 * ISC passes on the connector's error texts for a failed change; they are English, terse and vary by
 * source type. Each rule recognises one family and maps it to a plain-language cause that also says
 * what to do next. Order matters: the more specific families come first ("changed too recently"
 * before "used too recently", "dictionary" before the generic policy words).
 */
const rules: readonly { key: string; pattern: RegExp }[] = [
  { key: 'tracker.cause.invalidPayload', pattern: /payload|decrypt|public ?key|encrypt/i },
  { key: 'tracker.cause.minimumAge', pattern: /changed too (recently|soon)|minimum (password )?age|too soon|min(imum)? ?days? between/i },
  { key: 'tracker.cause.dictionary', pattern: /dictionary|common (word|password)|banned|blacklist|blocklist/i },
  {
    key: 'tracker.cause.history',
    pattern: /history|used (too )?recently|recently used|previously used|reuse|re-use|same as (a |the |your )?(previous|old|current|last)/i,
  },
  {
    key: 'tracker.cause.personalInfo',
    pattern:
      /contains? (the |your )?(account|identity|user|display|first|last) ?(name|id|attribute)|identity attribute|account attribute|user ?name/i,
  },
  { key: 'tracker.cause.locked', pattern: /locked/i },
  { key: 'tracker.cause.disabled', pattern: /disabled|inactive|deactivated/i },
  {
    key: 'tracker.cause.unavailable',
    pattern:
      /connector|timed? ?out|timeout|unavailable|unreachable|could not connect|connection|network|cannot be reached|virtual appliance|cluster/i,
  },
  {
    key: 'tracker.cause.policy',
    pattern:
      /polic(y|ies)|complexity|requirement|too (short|long|weak|simple)|minimum|maximum|must (contain|include|have)|not strong|character/i,
  },
];

/** Long enough for any real error text; bounds what a misbehaving connector can push into a notification. */
const maxQuotedLength = 300;

/**
 * Turns one of ISC's error strings into a plain-language cause for `sourceName`.
 * Unrecognised texts are quoted verbatim (trimmed and bounded) so the employee still sees what the system said.
 */
export function explainChangeError(errorText: string, sourceName: string): Message {
  const text = errorText.replace(/\s+/g, ' ').trim();
  if (text === '') return { key: 'tracker.cause.noDetails', params: [sourceName] };
  const rule = rules.find(({ pattern }) => pattern.test(text));
  if (rule) return { key: rule.key, params: [sourceName] };
  const quoted = text.length > maxQuotedLength ? `${text.slice(0, maxQuotedLength - 1)}…` : text;
  return { key: 'tracker.cause.verbatim', params: [sourceName, quoted] };
}

/**
 * The one cause to show for a failed change: the first error with a specific explanation wins over a
 * verbatim quote; every error text still goes into the help-desk summary.
 */
export function explainChangeErrors(errors: readonly string[], sourceName: string): Message {
  const explained = errors.map((error) => explainChangeError(error, sourceName));
  return (
    explained.find((message) => message.key !== 'tracker.cause.verbatim' && message.key !== 'tracker.cause.noDetails') ??
    explained.find((message) => message.key === 'tracker.cause.verbatim') ?? { key: 'tracker.cause.noDetails', params: [sourceName] }
  );
}

import { t, tk } from '@/components/i18n';
import type { RuleResult } from '@/utils/policy';

const marks = { met: '✓', unmet: '✗', 'server-checked': '•', unknown: '?' } as const;
const statusWords = {
  met: 'popup.ruleMet',
  unmet: 'popup.ruleUnmet',
  'server-checked': 'popup.ruleServerChecked',
  unknown: 'popup.ruleUnknown',
} as const;

/** The policy as a live checklist: a symbol and a word for each state, never colour alone. */
export function Checklist({ results, pending }: { results: RuleResult[]; pending: boolean }) {
  const unmet = results.filter((r) => r.status === 'unmet').length;
  return (
    <section aria-labelledby="checklist-title" id="checklist">
      <h3 id="checklist-title" class="small">
        {t('popup.policyTitle')}
      </h3>
      <ul class="checklist" data-testid="checklist">
        {results.map((result) => (
          <li key={result.ruleId} class={`rule rule-${result.status}`} data-status={result.status}>
            <span class="rule-mark" aria-hidden="true">
              {marks[result.status]}
            </span>
            <span class="visually-hidden">{t(statusWords[result.status])}: </span>
            <span>{tk({ key: result.labelKey, params: result.params, count: result.count })}</span>
            {result.status === 'unmet' && result.reasonKey && (
              <span class="rule-reason"> — {tk({ key: result.reasonKey, params: result.reasonParams ?? [] })}</span>
            )}
          </li>
        ))}
      </ul>
      <p class="visually-hidden" aria-live="polite" data-testid="checklist-summary">
        {pending ? '' : unmet === 0 ? t('popup.allRulesMet') : t('popup.rulesUnmet', [], unmet)}
      </p>
    </section>
  );
}

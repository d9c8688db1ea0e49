import { tk } from '@/components/i18n';
import { type StepUp, stepUpMessageKeys } from '@/utils/api/step-up';

/**
 * Shown above the new-password field when the source's policy asks for a second factor, so the employee
 * learns before typing that ISC may refuse the change and where to make it instead.
 */
export function StepUpNotice({ stepUp, sourceName }: { stepUp: StepUp; sourceName: string }) {
  return (
    <div class="notice" role="note" data-testid="step-up" aria-labelledby="step-up-title">
      <p id="step-up-title">
        <strong>{tk({ key: 'stepUp.title' })}</strong>
      </p>
      {stepUpMessageKeys(stepUp).map((key) => (
        <p key={key}>{tk({ key, params: [sourceName] })}</p>
      ))}
    </div>
  );
}

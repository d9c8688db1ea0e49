import { t, tk } from '@/components/i18n';
import type { StrengthEstimate } from '@/utils/strength';

const levels = ['popup.strength0', 'popup.strength1', 'popup.strength2', 'popup.strength3', 'popup.strength4'] as const;

export function StrengthMeter({ estimate }: { estimate: StrengthEstimate }) {
  const label = t(levels[estimate.score] ?? 'popup.strength0');
  return (
    <div class="strength" data-score={estimate.score}>
      <div class="row small">
        <span id="strength-label">{t('popup.strengthTitle')}</span>
        <strong>{label}</strong>
      </div>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={estimate.score} aria-labelledby="strength-label" aria-valuetext={label} />
      {estimate.feedbackKeys.length > 0 && (
        <ul class="small muted">
          {estimate.feedbackKeys.slice(0, 2).map((key) => (
            <li key={key}>{tk({ key })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

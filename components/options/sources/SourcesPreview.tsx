import { t } from '@/components/i18n';
import type { SourceEntry } from '@/utils/settings/schema';
import { previewSource } from '@/utils/settings/sources';

/**
 * The popup's choice screen as these rows would make it, before anyone signs in: the same card per
 * password (title, source name under a label, what also changes), in the popup's width.
 */
export function SourcesPreview({ sources }: { sources: SourceEntry[] }) {
  return (
    <section class="sources-preview" aria-labelledby="sources-preview-title" data-testid="sources-preview">
      <h3 id="sources-preview-title">{t('options.sourcesPreview')}</h3>
      <p class="small muted">{t('options.sourcesPreviewHint')}</p>
      {sources.length === 0 ? (
        <p class="notice" data-testid="sources-preview-empty">
          {t('options.sourcesPreviewEmpty')}
        </p>
      ) : (
        <ul class="targets preview-targets">
          {sources.map((source) => {
            const card = previewSource(source);
            return (
              <li class="card" key={source.sourceName} data-testid="preview-card">
                <p class="preview-title">{card.title}</p>
                {card.subtitle && <p class="muted small">{card.subtitle}</p>}
                {card.alsoChanges.length > 0 && <p class="small muted">{t('popup.alsoChanges', [card.alsoChanges.join(', ')])}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, tk } from '@/components/i18n';
import { toUserError } from '@/components/worker';
import type { AdminSourcesView, AdminSourceView } from '@/utils/admin/sources';
import type { UserError } from '@/utils/messages/protocol';

type Load = { status: 'loading' } | { status: 'ready'; view: AdminSourcesView } | { status: 'error'; error: UserError };

/** ISC refused the token: listing sources is not for this sign-in. */
export const isRefusal = (error: UserError) => error.kind === 'forbidden' || error.kind === 'forbidden-api-authority';

export interface SourcePickerProps {
  listSources: () => Promise<AdminSourcesView>;
  /** Source names already offered (they show as such and cannot be picked twice). */
  offered: string[];
  onAdd: (sources: AdminSourceView[]) => void;
  onClose: () => void;
  /** ISC answered 403: the editor stops offering the picker. */
  onRefused: () => void;
}

/** The tenant's sources as checkboxes; "Add selected" turns the choice into rows. */
export function SourcePicker({ listSources, offered, onAdd, onClose, onRefused }: SourcePickerProps) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [nothingChosen, setNothingChosen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    listSources().then(
      (view) => current && setLoad({ status: 'ready', view }),
      (error: unknown) => {
        if (!current) return;
        const user = toUserError(error);
        if (isRefusal(user)) onRefused();
        setLoad({ status: 'error', error: user });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  useLayoutEffect(() => heading.current?.focus(), []);

  const isOffered = (name: string) => offered.some((other) => other.trim().toLowerCase() === name.toLowerCase());
  const toggle = (id: string, on: boolean) => {
    setNothingChosen(false);
    setChosen((now) => (on ? [...now, id] : now.filter((other) => other !== id)));
  };
  const add = () => {
    if (load.status !== 'ready') return;
    const picked = load.view.sources.filter((source) => chosen.includes(source.id));
    if (picked.length === 0) {
      setNothingChosen(true);
      return;
    }
    onAdd(picked);
  };

  return (
    <section class="source-picker" id="source-picker" aria-labelledby="source-picker-title" data-testid="source-picker">
      <h3 id="source-picker-title" tabIndex={-1} ref={heading}>
        {t('options.pickerTitle')}
      </h3>
      {load.status === 'loading' && (
        <p role="status" aria-busy="true">
          {t('options.pickerLoading')}
        </p>
      )}
      {load.status === 'error' && (
        <div class="notice notice-error" role="alert" data-testid="picker-error" data-kind={load.error.kind}>
          <p>{isRefusal(load.error) ? t('options.pickerForbidden') : tk({ key: load.error.messageKey, params: load.error.params })}</p>
          {!isRefusal(load.error) && (
            <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('admin.retry')}
            </button>
          )}
        </div>
      )}
      {load.status === 'ready' && (
        <>
          <p class="small muted" id="source-picker-hint">
            {t('options.pickerHint')}
          </p>
          {load.view.sources.length === 0 ? (
            <p>{t('options.pickerEmpty')}</p>
          ) : (
            <ul class="picker-list" aria-describedby="source-picker-hint">
              {load.view.sources.map((source) => {
                const id = `pick-${source.id}`;
                const already = isOffered(source.name);
                const disabled = already || !source.takesPasswords;
                return (
                  <li key={source.id} data-testid="picker-source" data-source={source.name}>
                    <input
                      type="checkbox"
                      id={id}
                      disabled={disabled}
                      checked={chosen.includes(source.id)}
                      aria-describedby={`${id}-note`}
                      onChange={(e) => toggle(source.id, e.currentTarget.checked)}
                    />
                    <label for={id}>{source.name}</label>
                    <p class="small muted" id={`${id}-note`}>
                      {[
                        source.type,
                        already ? t('options.pickerOffered') : null,
                        source.takesPasswords ? null : t('options.pickerNoPasswords'),
                        source.alsoChanges.length > 0 ? t('options.pickerChangesWith', [source.alsoChanges.join(', ')]) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
          {load.view.truncated && <p class="small">{t('options.pickerTruncated', [load.view.sources.length])}</p>}
          {nothingChosen && (
            <p class="small field-error" role="alert">
              {t('options.pickerNothingChosen')}
            </p>
          )}
        </>
      )}
      <div class="row">
        {load.status === 'ready' && load.view.sources.length > 0 && (
          <button type="button" class="button button-primary" onClick={add} data-testid="picker-add">
            {t('options.pickerAdd')}
          </button>
        )}
        <button type="button" class="button" onClick={onClose}>
          {t('options.pickerClose')}
        </button>
      </div>
    </section>
  );
}

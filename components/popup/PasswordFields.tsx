import { t } from '@/components/i18n';

/** The new password and its confirmation, shown or hidden together. The values live in the parent's state only. */
export function PasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  visible,
  onToggleVisible,
}: {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  visible: boolean;
  onToggleVisible: () => void;
}) {
  const type = (visible ? 'text' : 'password') as 'text';
  return (
    <>
      <label for="new-password">{t('popup.newPassword')}</label>
      <div class="field-row">
        <input
          id="new-password"
          name="new-password"
          type={type}
          autocomplete="new-password"
          spellcheck={false}
          autoCapitalize="off"
          value={password}
          aria-describedby="checklist submit-reason"
          onInput={(e) => onPassword(e.currentTarget.value)}
        />
        <button type="button" class="button" aria-pressed={visible} onClick={onToggleVisible}>
          {visible ? t('popup.hide') : t('popup.show')}
        </button>
      </div>
      <label for="confirm-password">{t('popup.confirmPassword')}</label>
      <input
        id="confirm-password"
        name="confirm-password"
        type={type}
        autocomplete="new-password"
        spellcheck={false}
        value={confirm}
        onInput={(e) => onConfirm(e.currentTarget.value)}
      />
    </>
  );
}

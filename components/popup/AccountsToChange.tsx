import { t } from '@/components/i18n';

/** The accounts a change will set (a choice when the source has several) and the systems that change with them. */
export function AccountsToChange({
  accounts,
  selected,
  onToggle,
  alsoChanges,
}: {
  accounts: { accountId: string; accountName: string }[];
  selected: string[];
  onToggle: (accountId: string) => void;
  alsoChanges: string[];
}) {
  return (
    <>
      {accounts.length > 1 ? (
        <fieldset class="accounts-pick">
          <legend>{t('popup.accountsToChange')}</legend>
          {accounts.map((account) => (
            <label key={account.accountId}>
              <input type="checkbox" checked={selected.includes(account.accountId)} onChange={() => onToggle(account.accountId)} />{' '}
              {account.accountName}
            </label>
          ))}
        </fieldset>
      ) : (
        <p class="small">
          {t('popup.accountsWillChange', [], accounts.length)}: {accounts.map((a) => a.accountName).join(', ')}
        </p>
      )}
      {alsoChanges.length > 0 && <p class="small also">{t('popup.alsoChanges', [alsoChanges.join(', ')])}</p>}
    </>
  );
}

import { t, tk } from '@/components/i18n';
import type { AdminPolicyView, AdminSyncGroupView } from '@/utils/admin/views';
import { LoadStatus } from './LoadStatus';
import { type Send, useLoad } from './useLoad';

function IdList({ ids, empty }: { ids: string[]; empty: string }) {
  if (ids.length === 0) return <p class="small muted">{empty}</p>;
  return (
    <ul class="admin-ids">
      {ids.map((id) => (
        <li key={id}>
          <code>{id}</code>
        </li>
      ))}
    </ul>
  );
}

function Policy({ policy, groups }: { policy: AdminPolicyView; groups: AdminSyncGroupView[] | null }) {
  const using = groups?.filter((group) => group.policyId === policy.id) ?? [];
  const titleId = `policy-${policy.id}`;
  return (
    <article class="admin-item" aria-labelledby={titleId} data-testid="admin-policy" data-policy={policy.name}>
      <h4 id={titleId}>
        {policy.name}
        {policy.isDefault && <span class="tag">{t('admin.policies.default')}</span>}
      </h4>
      {policy.description && <p class="small muted">{policy.description}</p>}
      {policy.rules.length === 0 ? (
        <p class="small">{t('admin.policies.noRules')}</p>
      ) : (
        <ul class="admin-rules">
          {policy.rules.map((rule) => (
            <li key={rule.id} data-rule={rule.id}>
              {tk(rule)}
            </li>
          ))}
        </ul>
      )}
      <p class="small">
        {policy.expirationDays === null
          ? t('admin.policies.neverExpires')
          : t('admin.policies.expires', [policy.expirationDays], policy.expirationDays)}
      </p>
      <h5>{t('admin.policies.sources')}</h5>
      <IdList ids={policy.sourceIds} empty={t('admin.policies.noSources')} />
      {using.length > 0 && (
        <>
          <h5>{t('admin.policies.groupsUsing')}</h5>
          <ul class="admin-ids">
            {using.map((group) => (
              <li key={group.id}>{group.name}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function SyncGroup({ group, policies }: { group: AdminSyncGroupView; policies: AdminPolicyView[] | null }) {
  const policyName = policies?.find((policy) => policy.id === group.policyId)?.name ?? group.policyId;
  const titleId = `sync-group-${group.id}`;
  return (
    <article class="admin-item" aria-labelledby={titleId} data-testid="admin-sync-group" data-group={group.name}>
      <h4 id={titleId}>{group.name}</h4>
      {policyName && <p class="small">{t('admin.syncGroups.policy', [policyName])}</p>}
      <h5>{t('admin.syncGroups.sources')}</h5>
      <IdList ids={group.sourceIds} empty={t('admin.policies.noSources')} />
    </article>
  );
}

/** Read-only: the rules ISC checks per source, in the same words the popup's checklist uses. */
export function PoliciesPanel({ send, canReadPolicies, canReadGroups }: { send: Send; canReadPolicies: boolean; canReadGroups: boolean }) {
  const policies = useLoad(canReadPolicies ? () => send({ type: 'admin/policies' }) : null);
  const groups = useLoad(canReadGroups ? () => send({ type: 'admin/syncGroups' }) : null);
  const policyList = policies.state.status === 'ready' ? policies.state.value.policies : null;
  const groupList = groups.state.status === 'ready' ? groups.state.value.groups : null;

  return (
    <>
      {canReadPolicies && (
        <section class="admin-panel" aria-labelledby="admin-policies-title" data-testid="admin-policies">
          <h3 id="admin-policies-title">{t('admin.policies.title')}</h3>
          <p class="small muted">{t('admin.policies.explain')}</p>
          <LoadStatus load={policies} operation="policiesRead" />
          {policyList && policyList.length === 0 && <p>{t('admin.policies.none')}</p>}
          {policyList?.map((policy) => (
            <Policy key={policy.id} policy={policy} groups={groupList} />
          ))}
          {policies.state.status === 'ready' && policies.state.value.truncated && (
            <p class="small muted">{t('admin.policies.truncated', [policyList?.length ?? 0])}</p>
          )}
        </section>
      )}
      {canReadGroups && (
        <section class="admin-panel" aria-labelledby="admin-sync-groups-title" data-testid="admin-sync-groups">
          <h3 id="admin-sync-groups-title">{t('admin.syncGroups.title')}</h3>
          <p class="small muted">{t('admin.syncGroups.explain')}</p>
          <LoadStatus load={groups} operation="syncGroupsRead" />
          {groupList && groupList.length === 0 && <p>{t('admin.syncGroups.none')}</p>}
          {groupList?.map((group) => (
            <SyncGroup key={group.id} group={group} policies={policyList} />
          ))}
          {groups.state.status === 'ready' && groups.state.value.truncated && (
            <p class="small muted">{t('admin.policies.truncated', [groupList?.length ?? 0])}</p>
          )}
        </section>
      )}
    </>
  );
}

import { describe, expect, it } from 'vitest';
import { policyView, syncGroupView } from '@/utils/admin/operations';
import { collectPages } from '@/utils/admin/paging';
import type { PasswordPolicyV3Dto } from '@/utils/api/types';

describe('collectPages', () => {
  const items = Array.from({ length: 7 }, (_, index) => index);
  const pages: Array<{ limit: number; offset: number }> = [];
  const fetchPage = async (page: { limit: number; offset: number }) => {
    pages.push(page);
    return items.slice(page.offset, page.offset + page.limit);
  };

  it('reads page after page until a short page', async () => {
    pages.length = 0;
    expect(await collectPages(fetchPage, { pageSize: 3 })).toEqual({ items, truncated: false });
    expect(pages).toEqual([
      { limit: 3, offset: 0 },
      { limit: 3, offset: 3 },
      { limit: 3, offset: 6 },
    ]);
  });

  it('asks for one more (empty) page when the last page is exactly full', async () => {
    pages.length = 0;
    expect((await collectPages(fetchPage, { pageSize: 7 })).items).toEqual(items);
    expect(pages).toHaveLength(2);
  });

  it('stops at maxItems and says the list was cut short', async () => {
    expect(await collectPages(fetchPage, { pageSize: 2, maxItems: 4 })).toEqual({ items: [0, 1, 2, 3], truncated: true });
  });

  it("never asks for more than ISC's 250 per page", async () => {
    pages.length = 0;
    await collectPages(fetchPage, { pageSize: 1000 });
    expect(pages[0]?.limit).toBe(250);
  });
});

const adPolicy: PasswordPolicyV3Dto = {
  id: 'policy-ad',
  name: 'Active Directory policy',
  description: 'Corporate directory',
  minLength: 12,
  maxLength: 128,
  minUpper: 1,
  minLower: -1,
  minNumeric: 1,
  minSpecial: 0,
  maxRepeatedChars: 3,
  useDictionary: true,
  validateAgainstAccountName: true,
  accountNameMinWordLength: 4,
  passwordExpiration: 90,
  enablePasswdExpiration: true,
  defaultPolicy: false,
  sourceIds: ['src-ad', 'src-wd'],
};

describe('policyView', () => {
  it("labels the rules with the policy engine's keys, skipping -1 and 0 (not set)", () => {
    const view = policyView(adPolicy);
    expect(view.rules).toEqual([
      { id: 'minLength', key: 'policy.minLength', count: 12, params: [12] },
      { id: 'maxLength', key: 'policy.maxLength', count: 128, params: [128] },
      { id: 'minNumeric', key: 'policy.minNumeric', count: 1, params: [1] },
      { id: 'minUpper', key: 'policy.minUpper', count: 1, params: [1] },
      { id: 'maxRepeatedChars', key: 'policy.maxRepeatedChars', count: 3, params: [3] },
      { id: 'notAccountName', key: 'policy.notAccountName', params: [] },
      { id: 'dictionary', key: 'policy.dictionary', params: [] },
    ]);
  });

  it('says which sources it governs and when passwords expire', () => {
    expect(policyView(adPolicy)).toMatchObject({
      id: 'policy-ad',
      name: 'Active Directory policy',
      description: 'Corporate directory',
      isDefault: false,
      expirationDays: 90,
      sourceIds: ['src-ad', 'src-wd'],
    });
    expect(policyView({ ...adPolicy, enablePasswdExpiration: false }).expirationDays).toBeNull();
    expect(policyView({ sourceIds: [] })).toMatchObject({ id: '', name: '', description: null, rules: [], expirationDays: null });
  });

  it('maps a sync group to its policy and sources', () => {
    expect(syncGroupView({ id: 'g1', name: 'Directory and HR', passwordPolicyId: 'policy-ad', sourceIds: ['src-ad', 'src-wd'] })).toEqual({
      id: 'g1',
      name: 'Directory and HR',
      policyId: 'policy-ad',
      sourceIds: ['src-ad', 'src-wd'],
    });
  });
});

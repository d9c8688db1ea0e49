/** ISC's list endpoints return at most 250 items per call. */
export const MAX_PAGE_SIZE = 250;

export interface CollectOptions {
  pageSize?: number;
  /** Stop after this many items: a tenant with more is reported as truncated rather than read for ever. */
  maxItems?: number;
}

/** Reads a list endpoint page by page until a short page, and says whether it stopped early. */
export async function collectPages<T>(
  fetchPage: (page: { limit: number; offset: number }) => Promise<T[]>,
  { pageSize = MAX_PAGE_SIZE, maxItems = 2_000 }: CollectOptions = {},
): Promise<{ items: T[]; truncated: boolean }> {
  const limit = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE);
  const items: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await fetchPage({ limit, offset });
    items.push(...page);
    if (page.length < limit) return { items, truncated: false };
    if (items.length >= maxItems) return { items: items.slice(0, maxItems), truncated: true };
  }
}

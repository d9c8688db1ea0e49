import { findConflicts } from './conflicts';
import { normalizeRules } from './normalize';
import type { MergeResult, Rule } from './types';

/**
 * The rules a shared password must meet when several accounts change together (a sync
 * group): every rule of every set, each at its strictest, and unknown rules of all of them.
 * A combination no password can satisfy comes back as conflicts instead.
 */
export function mergeRules(ruleSets: ReadonlyArray<readonly Rule[]>): MergeResult {
  const rules = normalizeRules(ruleSets.flat());
  const conflicts = findConflicts(rules);
  return conflicts.length > 0 ? { ok: false, conflicts } : { ok: true, rules };
}

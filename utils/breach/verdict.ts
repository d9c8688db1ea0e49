import type { BreachResult } from './result';

export type BreachMode = 'off' | 'warn' | 'block';

export type BreachMessageKey = 'breach.off' | 'breach.notFound' | 'breach.foundWarning' | 'breach.foundBlocking' | 'breach.unavailable';

export interface BreachVerdict {
  allowSubmit: boolean;
  severity: 'none' | 'warning' | 'blocking' | 'info';
  messageKey: BreachMessageKey;
  params: string[];
  /** Set for the plural messages (breach counts): pass it to the translator as the count. */
  count?: number;
}

/** Applies the organisation's breach policy to a check result. */
export function decideBreachVerdict(result: BreachResult, mode: BreachMode): BreachVerdict {
  if (mode === 'off') return { allowSubmit: true, severity: 'none', messageKey: 'breach.off', params: [] };
  switch (result.status) {
    case 'not-found':
      return { allowSubmit: true, severity: 'none', messageKey: 'breach.notFound', params: [] };
    case 'breached': {
      const params = [String(result.count)];
      return mode === 'block'
        ? { allowSubmit: false, severity: 'blocking', messageKey: 'breach.foundBlocking', params, count: result.count }
        : { allowSubmit: true, severity: 'warning', messageKey: 'breach.foundWarning', params, count: result.count };
    }
    case 'unavailable':
      // Even in block mode an outage of the breach service must not stop people from changing an expiring
      // password: the check is a safeguard on top of ISC's own policy, not a gate. Say it was not checked.
      return { allowSubmit: true, severity: 'info', messageKey: 'breach.unavailable', params: [] };
  }
}

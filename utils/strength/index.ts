import { estimateBasicStrength } from './fallback';
import type { StrengthEstimate, StrengthEstimator } from './types';

export { crackTimeDisplay } from './crack-time';
export { estimateBasicStrength } from './fallback';
export type * from './types';

let ready: StrengthEstimator | undefined;
let loading: Promise<StrengthEstimator> | undefined;

/**
 * Loads zxcvbn and its dictionaries once (a separate chunk) and returns the synchronous
 * estimator. If the chunk cannot load, it resolves to the basic estimator and a later call
 * tries again, so the meter keeps working either way.
 */
export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= import('./zxcvbn').then(
    ({ createZxcvbnEstimator }) => {
      ready = createZxcvbnEstimator();
      return ready;
    },
    () => {
      loading = undefined;
      return estimateBasicStrength;
    },
  );
  return loading;
}

/** The best estimate available now: zxcvbn once loaded, the basic estimator until then. */
export function estimateStrength(password: string, userInputs: readonly string[] = []): StrengthEstimate {
  return (ready ?? estimateBasicStrength)(password, userInputs);
}

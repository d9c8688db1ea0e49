import { useEffect, useState } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/** zustand's vanilla store bound to Preact hooks, without pulling in preact/compat. */
export function useStore<S, T>(store: StoreApi<S>, selector: (state: S) => T): T {
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    setValue(selector(store.getState()));
    return store.subscribe((state) => setValue(() => selector(state)));
  }, [store, selector]);
  return value;
}

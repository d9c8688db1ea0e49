/**
 * Versioned migrations of the stored user settings (the @wxt-dev/storage item runs them).
 * v1 stored a single `sourceName` string; v2 stores a list of source entries.
 */
export const settingsVersion = 2;

export const settingsMigrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  2: (old) => {
    const { sourceName, ...rest } = old ?? {};
    if (typeof sourceName === 'string' && sourceName.trim() !== '' && !Array.isArray(rest.sources)) {
      return { ...rest, sources: [{ sourceName: sourceName.trim() }] };
    }
    return rest;
  },
};

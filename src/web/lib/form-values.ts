/** Empty inputs mean "not given": the shared schemas treat '' as a value and would reject it. */
export const emptyToUndefined = { setValueAs: (v: unknown) => (v === '' ? undefined : v) }

/** Drops empty strings from an object of form values before sending. */
export function compact<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== '' && v !== undefined),
  ) as T
}

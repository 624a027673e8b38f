// What an edit changed, for the audit row's details: only the fields whose
// value differs, before and after.
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changed = (Object.keys(after) as Array<keyof T>).filter((key) => before[key] !== after[key])
  return {
    changed: changed as string[],
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, after[key]])),
  }
}

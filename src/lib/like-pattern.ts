// A user's search text as a SQL LIKE pattern. Pure: every list that searches
// by "contains" uses it, with `escape '\'` in its query.

/** `value` as a LIKE pattern matching it anywhere, its wildcards (% _ \) taken as text (with `escape '\'`). */
export function containsPattern(value: string): string {
  return `%${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

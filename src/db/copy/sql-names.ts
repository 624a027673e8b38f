// Table and column names in the statements db:copy writes by hand, for SQLite
// and PostgreSQL alike (both quote identifiers with double quotes).

/** A name as a quoted identifier: "order", "a""b". */
export function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Names as a comma-separated list of quoted identifiers. */
export function quotedList(names: readonly string[]): string {
  return names.map(quoted).join(', ')
}
